//! The canonical form against re-serialisations, edits and a reference
//! canonicaliser (`xmllint --exc-c14n`, libxml2).

use super::*;
use std::{path::PathBuf, process::Command};

/// Read at run time (cargo test sets it): the shared target directory may
/// hold a test binary built from another clone of the repository, whose
/// compile-time path is gone.
fn sample_path(name: &str) -> PathBuf {
	let crate_dir = std::env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| env!("CARGO_MANIFEST_DIR").into());
	PathBuf::from(crate_dir).join("samples").join(name)
}

fn sample(name: &str) -> String {
	std::fs::read_to_string(sample_path(name)).expect("the sample ships with the crate")
}

const ALICE_BOB: &str = "pacs008-usd-alice-bob.xml";

fn hash(xml: &str) -> [u8; 32] {
	data_hash(xml.as_bytes()).expect("a well-formed pacs.008")
}

#[test]
fn the_payment_fields_are_read_with_any_prefix_and_short_bics_completed() {
	let fields = payment_fields(sample(ALICE_BOB).as_bytes()).expect("readable");
	assert_eq!(
		fields,
		PaymentFields {
			msg_id: "CHASUS33-20261201-000001".into(),
			end_to_end_id: "00112233445566778899aabbccddeeff".into(),
			amount: "1000.00".into(),
			currency: "USD".into(),
			debtor_agent_bic: Some("CHASUS33XXX".into()),
			creditor_agent_bic: Some("COBADEFFXXX".into()),
		}
	);
	let eur = payment_fields(sample("pacs008-eur-charlie-dave.xml").as_bytes()).expect("readable");
	assert_eq!((eur.amount.as_str(), eur.currency.as_str()), ("250.50", "EUR"));
	assert_eq!((eur.debtor_agent_bic.as_deref(), eur.creditor_agent_bic.as_deref()), (Some("COBADEFFXXX"), Some("CHASUS33XXX")));
	let prefixed = sample(ALICE_BOB).replace("<Document xmlns=", "<p:Document xmlns:p=").replace("</Document>", "</p:Document>");
	let prefixed = prefixed.replace("<FIToFICstmrCdtTrf>", "<p:FIToFICstmrCdtTrf>").replace("</FIToFICstmrCdtTrf>", "</p:FIToFICstmrCdtTrf>");
	assert_eq!(payment_fields(prefixed.as_bytes()), Ok(fields));
}

#[test]
fn a_reserialised_message_hashes_the_same() {
	let original = sample(ALICE_BOB);
	let reference = hash(&original);
	let variants = [
		("CRLF line endings", original.replace('\n', "\r\n")),
		(
			"attribute (namespace declaration) order",
			original.replace(
				r#"<Document xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">"#,
				r#"<Document xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08">"#,
			),
		),
		(
			"whitespace inside tags",
			original
				.replace("<MsgId>", "<MsgId  >")
				.replace("</MsgId>", "</MsgId\t>")
				.replace(r#"<IntrBkSttlmAmt Ccy="USD">"#, "<IntrBkSttlmAmt\n   Ccy = 'USD' >"),
		),
		("empty-element form", original.replace("<PstlAdr/>", "<PstlAdr></PstlAdr>")),
		(
			"a namespace declaration no element uses",
			original.replace("<FIToFICstmrCdtTrf>", r#"<FIToFICstmrCdtTrf xmlns:unused="urn:example:unused">"#),
		),
		("no XML declaration", original[original.find("<Document").expect("has a Document")..].to_owned()),
		("comments", original.replace("<GrpHdr>", "<GrpHdr><!-- batch 7 -->").replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><!-- from SWIFT -->")),
		("character references", original.replace("Alice Example", "Alice &#69;xample")),
		("the envelope SWIFT delivers it in", sample("pacs008-usd-alice-bob-envelope.xml")),
	];
	for (what, variant) in variants {
		assert_ne!(variant, original, "{what}: the variant differs textually");
		assert_eq!(hash(&variant), reference, "{what} changed the hash");
	}
}

#[test]
fn what_the_banks_mean_changes_the_hash() {
	let original = sample(ALICE_BOB);
	let reference = hash(&original);
	let edits = [
		("amount", original.replace(">1000.00<", ">1000.01<")),
		("currency", original.replace(r#"Ccy="USD""#, r#"Ccy="EUR""#)),
		("creditor agent BIC", original.replace("COBADEFFXXX", "DEUTDEFFXXX")),
		("EndToEndId", original.replace("00112233445566778899aabbccddeeff", "00112233445566778899aabbccddeef0")),
		("whitespace in a value", original.replace("<Nm>Bob Beispiel</Nm>", "<Nm>Bob  Beispiel</Nm>")),
		("an attribute's prefix", original.replace(r#"Ccy="USD""#, r#"Ccy="USD" xsi:type="x""#)),
	];
	for (what, edited) in edits {
		assert_ne!(hash(&edited), reference, "a changed {what} kept the hash");
	}
}

/// The hash is keccak-256 of what libxml2's exclusive canonicaliser prints
/// for the same file (scripts/bootstrap.sh installs `xmllint`).
#[test]
fn the_canonical_form_is_what_xmllint_exc_c14n_prints() {
	for name in [ALICE_BOB, "pacs008-eur-charlie-dave.xml"] {
		let output = Command::new("xmllint")
			.arg("--exc-c14n")
			.arg(sample_path(name))
			.output()
			.expect("xmllint runs (Debian package libxml2-utils, installed by scripts/bootstrap.sh)");
		assert!(output.status.success(), "xmllint refused {name}");
		let ours = canonical_document(sample(name).as_bytes()).expect("canonical");
		assert_eq!(String::from_utf8_lossy(&ours), String::from_utf8_lossy(&output.stdout), "{name}");
		assert_eq!(data_hash(sample(name).as_bytes()), Ok(sp_crypto_hashing::keccak_256(&output.stdout)));
	}
}

#[test]
fn bad_input_is_named() {
	assert_eq!(data_hash(&[0xff, 0xfe, 0x00]), Err(Iso20022Error::NotUtf8));
	assert!(matches!(data_hash(b"<Document xmlns='urn:iso:std:iso:20022:tech:xsd:pacs.008.001.08'>"), Err(Iso20022Error::Malformed(_))));
	assert!(matches!(payment_fields(b"<a><b></a>"), Err(Iso20022Error::Malformed(_))));
	let pain = sample(ALICE_BOB).replace("pacs.008.001.08", "pain.001.001.09");
	assert_eq!(data_hash(pain.as_bytes()), Err(Iso20022Error::NoPacs008Document));
	let original = sample(ALICE_BOB);
	let start = original.find("<CdtTrfTxInf>").expect("has a transaction");
	let end = original.find("</CdtTrfTxInf>").expect("has a transaction") + "</CdtTrfTxInf>".len();
	let twice = format!("{}{}{}", &original[..end], &original[start..end], &original[end..]);
	assert_eq!(payment_fields(twice.as_bytes()), Err(Iso20022Error::SeveralTransactions));
	let no_amount = original.replace(r#"<IntrBkSttlmAmt Ccy="USD">1000.00</IntrBkSttlmAmt>"#, "");
	assert_eq!(payment_fields(no_amount.as_bytes()), Err(Iso20022Error::MissingField("CdtTrfTxInf/IntrBkSttlmAmt")));
	// Every error is one line.
	for error in [Iso20022Error::NoPacs008Document, Iso20022Error::Malformed("x".into())] {
		assert!(!error.to_string().contains('\n'));
	}
}

#[test]
fn amounts_convert_exactly_or_not_at_all() {
	assert_eq!(amount_in_units("1000.00", 6), Some(1_000_000_000));
	assert_eq!(amount_in_units("1000", 2), Some(100_000));
	assert_eq!(amount_in_units("250.5", 2), Some(25_050));
	assert_eq!(amount_in_units("0.000001", 6), Some(1));
	assert_eq!(amount_in_units("0.0000010", 6), Some(1));
	// More significant decimals than the asset has: not this payment's amount.
	assert_eq!(amount_in_units("0.0000001", 6), None);
	for malformed in ["", ".5", "-1.00", "1,000.00", "1e3", "12.3.4", " 1"] {
		assert_eq!(amount_in_units(malformed, 6), None, "{malformed:?}");
	}
	assert_eq!(amount_in_units("340282366920938463463374607431768211456", 0), None);
}
