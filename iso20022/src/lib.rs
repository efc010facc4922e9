//! # ISO 20022 pacs.008 as the payment rail anchors it
//!
//! The chain never sees a SWIFT message, only its fingerprint. Both banks
//! must compute that fingerprint from the XML alike, however their systems
//! serialise it, so it is taken over a **canonical form**:
//!
//! > the keccak-256 hash of the **Exclusive XML Canonicalization 1.0**
//! > (W3C `exc-c14n`, without comments) of the pacs.008 **`Document`**
//! > element (namespace `urn:iso:std:iso:20022:tech:xsd:pacs.008.*`), as
//! > UTF-8 bytes.
//!
//! Canonicalization removes what carries no meaning: the XML declaration,
//! comments, attribute order, CRLF line endings, whitespace inside tags,
//! `<a/>` versus `<a></a>`, and namespace declarations no element or
//! attribute uses; an envelope or business application header around the
//! `Document` is not part of it. What a bank means by the message (any
//! element text, attribute value or structure, the amount, a BIC) changes
//! the hash. For a file whose root is the `Document`, the canonical bytes
//! are exactly what `xmllint --exc-c14n` prints.
//!
//! The canonicaliser is `xml-sec`'s (a maintained pure-Rust XML security
//! library: no DTDs, no external entities, bounded input), the payment
//! fields are read with `quick-xml`; nothing here writes XML by hand.

use quick_xml::{events::Event, Reader};
use xml_sec::c14n::{canonicalize, C14nAlgorithm, C14nMode};

/// Namespace prefix of every pacs.008 version.
pub const PACS008_NAMESPACE: &str = "urn:iso:std:iso:20022:tech:xsd:pacs.008.";

/// Why a message cannot be hashed or read; each names its cause in one line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Iso20022Error {
	/// The file is not UTF-8 (the canonical form is UTF-8).
	NotUtf8,
	/// The XML is not well formed.
	Malformed(String),
	/// No `Document` element of a pacs.008 namespace is in the file.
	NoPacs008Document,
	/// More than one pacs.008 `Document` is in the file.
	SeveralDocuments,
	/// A field every payment has is missing (its ISO 20022 name).
	MissingField(&'static str),
	/// The message carries more than one credit transfer; the chain
	/// anchors one message per payment.
	SeveralTransactions,
	/// The canonicaliser refused the document.
	Canonicalization(String),
}

impl core::fmt::Display for Iso20022Error {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		match self {
			Self::NotUtf8 => write!(f, "the file is not UTF-8"),
			Self::Malformed(reason) => write!(f, "malformed XML: {reason}"),
			Self::NoPacs008Document => write!(f, "no pacs.008 Document element ({PACS008_NAMESPACE}*) in the file"),
			Self::SeveralDocuments => write!(f, "more than one pacs.008 Document element in the file"),
			Self::MissingField(field) => write!(f, "missing pacs.008 field {field}"),
			Self::SeveralTransactions => write!(f, "more than one CdtTrfTxInf: one payment per message"),
			Self::Canonicalization(reason) => write!(f, "canonicalization failed: {reason}"),
		}
	}
}

impl std::error::Error for Iso20022Error {}

/// The fields of a pacs.008 the chain checks against a payment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PaymentFields {
	/// `GrpHdr/MsgId`.
	pub msg_id: String,
	/// `CdtTrfTxInf/PmtId/EndToEndId`: the payment's txId (32 hex digits).
	pub end_to_end_id: String,
	/// `CdtTrfTxInf/IntrBkSttlmAmt` as written (decimal).
	pub amount: String,
	/// Its `Ccy` attribute (ISO 4217).
	pub currency: String,
	/// `CdtTrfTxInf/DbtrAgt/FinInstnId/BICFI`, 11 characters.
	pub debtor_agent_bic: Option<String>,
	/// `CdtTrfTxInf/CdtrAgt/FinInstnId/BICFI`, 11 characters.
	pub creditor_agent_bic: Option<String>,
}

/// The exc-c14n bytes of the file's pacs.008 `Document` element.
pub fn canonical_document(xml: &[u8]) -> Result<Vec<u8>, Iso20022Error> {
	let text = core::str::from_utf8(xml).map_err(|_| Iso20022Error::NotUtf8)?;
	let document = xml_sec::Document::parse(text).map_err(|e| Iso20022Error::Malformed(e.to_string()))?;
	let mut documents = document.descendants().filter(|node| {
		node.is_element() &&
			node.tag_name().name() == "Document" &&
			node.tag_name().namespace().is_some_and(|ns| ns.starts_with(PACS008_NAMESPACE))
	});
	let apex = documents.next().ok_or(Iso20022Error::NoPacs008Document)?;
	if documents.next().is_some() {
		return Err(Iso20022Error::SeveralDocuments);
	}
	let in_document = |node: xml_sec::Node| node == apex || node.ancestors().any(|ancestor| ancestor == apex);
	let mut canonical = Vec::new();
	canonicalize(&document, Some(&in_document), &C14nAlgorithm::new(C14nMode::Exclusive1_0, false), &mut canonical)
		.map_err(|e| Iso20022Error::Canonicalization(e.to_string()))?;
	Ok(canonical)
}

/// keccak-256 of [`canonical_document`]: what `store_payment_data_hash`
/// anchors.
pub fn data_hash(xml: &[u8]) -> Result<[u8; 32], Iso20022Error> {
	canonical_document(xml).map(|bytes| sp_crypto_hashing::keccak_256(&bytes))
}

/// Reads the payment fields of the file's pacs.008 (local names; any
/// namespace prefix).
pub fn payment_fields(xml: &[u8]) -> Result<PaymentFields, Iso20022Error> {
	let text = core::str::from_utf8(xml).map_err(|_| Iso20022Error::NotUtf8)?;
	let mut reader = Reader::from_str(text);
	let mut path: Vec<String> = Vec::new();
	let mut fields = FieldsBuilder::default();
	loop {
		match reader.read_event().map_err(|e| Iso20022Error::Malformed(e.to_string()))? {
			Event::Start(start) => {
				let name = start.local_name().as_ref().to_owned();
				if name == "CdtTrfTxInf" {
					fields.transactions += 1;
				}
				if name == "IntrBkSttlmAmt" {
					for attribute in start.attributes() {
						let attribute = attribute.map_err(|e| Iso20022Error::Malformed(e.to_string()))?;
						if attribute.key.local_name().as_ref() == "Ccy" {
							let value = attribute
								.normalized_value(quick_xml::XmlVersion::Implicit1_0)
								.map_err(|e| Iso20022Error::Malformed(e.to_string()))?;
							fields.currency = Some(value.into_owned());
						}
					}
				}
				path.push(name);
			},
			Event::End(_) => {
				path.pop();
			},
			Event::Text(content) => fields.note(&path, content.xml10_content().trim()),
			// A character or predefined entity reference inside a field's text.
			Event::GeneralRef(reference) => {
				let resolved = match reference.resolve_char_ref() {
					Ok(Some(ch)) => ch.to_string(),
					_ => quick_xml::escape::resolve_predefined_entity(&reference)
						.ok_or_else(|| Iso20022Error::Malformed(format!("unknown entity &{};", &*reference)))?
						.to_owned(),
				};
				fields.note(&path, &resolved);
			},
			Event::Eof => break,
			_ => {},
		}
	}
	fields.build()
}

#[derive(Default)]
struct FieldsBuilder {
	transactions: usize,
	msg_id: Option<String>,
	end_to_end_id: Option<String>,
	amount: Option<String>,
	currency: Option<String>,
	debtor_agent_bic: Option<String>,
	creditor_agent_bic: Option<String>,
}

impl FieldsBuilder {
	fn note(&mut self, path: &[String], value: &str) {
		let ends_with = |suffix: &[&str]| {
			path.len() >= suffix.len() && path[path.len() - suffix.len()..].iter().zip(suffix).all(|(a, b)| a == b)
		};
		let slot = if ends_with(&["GrpHdr", "MsgId"]) {
			&mut self.msg_id
		} else if ends_with(&["CdtTrfTxInf", "PmtId", "EndToEndId"]) {
			&mut self.end_to_end_id
		} else if ends_with(&["CdtTrfTxInf", "IntrBkSttlmAmt"]) {
			&mut self.amount
		} else if ends_with(&["CdtTrfTxInf", "DbtrAgt", "FinInstnId", "BICFI"]) {
			&mut self.debtor_agent_bic
		} else if ends_with(&["CdtTrfTxInf", "CdtrAgt", "FinInstnId", "BICFI"]) {
			&mut self.creditor_agent_bic
		} else {
			return;
		};
		slot.get_or_insert_with(String::new).push_str(value);
	}

	fn build(self) -> Result<PaymentFields, Iso20022Error> {
		if self.transactions > 1 {
			return Err(Iso20022Error::SeveralTransactions);
		}
		Ok(PaymentFields {
			msg_id: self.msg_id.ok_or(Iso20022Error::MissingField("GrpHdr/MsgId"))?,
			end_to_end_id: self.end_to_end_id.ok_or(Iso20022Error::MissingField("CdtTrfTxInf/PmtId/EndToEndId"))?,
			amount: self.amount.ok_or(Iso20022Error::MissingField("CdtTrfTxInf/IntrBkSttlmAmt"))?,
			currency: self.currency.ok_or(Iso20022Error::MissingField("CdtTrfTxInf/IntrBkSttlmAmt/@Ccy"))?,
			debtor_agent_bic: self.debtor_agent_bic.map(|bic| full_bic(&bic)),
			creditor_agent_bic: self.creditor_agent_bic.map(|bic| full_bic(&bic)),
		})
	}
}

/// An 8-character BIC names the primary office: `XXX` completes it to the
/// 11 characters the identity registry stores.
pub fn full_bic(bic: &str) -> String {
	if bic.len() == 8 {
		format!("{bic}XXX")
	} else {
		bic.to_owned()
	}
}

/// `amount` (an ISO 20022 decimal such as `1000.00`) in the smallest unit of
/// an asset with `decimals` decimals, exactly: `None` when it is not a plain
/// non-negative decimal, has more significant decimals than the asset, or
/// overflows.
pub fn amount_in_units(amount: &str, decimals: u8) -> Option<u128> {
	let (whole, fraction) = amount.split_once('.').unwrap_or((amount, ""));
	let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
	if whole.is_empty() || !digits(whole) || !digits(fraction) {
		return None;
	}
	let significant = fraction.trim_end_matches('0');
	if significant.len() > usize::from(decimals) {
		return None;
	}
	let scale = 10u128.checked_pow(u32::from(decimals))?;
	let whole_units = whole.parse::<u128>().ok()?.checked_mul(scale)?;
	let padded = format!("{significant:0<width$}", width = usize::from(decimals));
	let fraction_units = if padded.is_empty() { 0 } else { padded.parse::<u128>().ok()? };
	whole_units.checked_add(fraction_units)
}

#[cfg(test)]
mod tests;
