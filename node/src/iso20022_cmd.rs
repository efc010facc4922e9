//! `tokenize-node iso20022 hash|verify`: a bank's one-command check of the
//! pacs.008 it received over SWIFT against the payment on chain.
//!
//! The hash is the chain's canonical form (see `tokenize-iso20022`: keccak-256
//! of the exclusive canonicalization of the pacs.008 `Document`), computed
//! exactly as the sending bank computed what it anchored.

use crate::payments_rpc::{parse_tx_id, PaymentJson};
use jsonrpsee::{core::client::ClientT, rpc_params, ws_client::WsClientBuilder};
use std::path::PathBuf;
use tokenize_iso20022::{amount_in_units, data_hash, payment_fields, PaymentFields};

#[derive(Debug, clap::Subcommand)]
pub enum Iso20022Cmd {
	/// Print the canonical hash of a pacs.008 file and its payment fields
	/// (MsgId, EndToEndId, amount, currency, debtor and creditor agent BIC).
	Hash {
		/// The pacs.008 XML file.
		file: PathBuf,
		/// Print one JSON object instead of text.
		#[arg(long)]
		json: bool,
	},
	/// Check a pacs.008 file against the payment on chain: the anchored hash,
	/// EndToEndId = txId, amount and currency, creditor agent BIC = the
	/// recipient's bank. Exits non-zero naming every mismatch.
	Verify {
		/// The pacs.008 XML file.
		file: PathBuf,
		/// The payment's txId (32 hex digits).
		#[arg(long)]
		tx: String,
		/// A node's RPC endpoint.
		#[arg(long, default_value = "ws://127.0.0.1:9944")]
		url: String,
	},
}

impl Iso20022Cmd {
	pub fn run(&self) -> sc_cli::Result<()> {
		match self {
			Self::Hash { file, json } => hash(file, *json),
			Self::Verify { file, tx, url } => verify(file, tx, url),
		}
	}
}

fn input(message: impl Into<String>) -> sc_cli::Error {
	sc_cli::Error::Input(message.into())
}

/// The file's bytes, canonical hash and fields, or a one-line error.
fn read(file: &PathBuf) -> sc_cli::Result<([u8; 32], PaymentFields)> {
	let xml = std::fs::read(file).map_err(|e| input(format!("iso20022: cannot read {}: {e}", file.display())))?;
	let fail = |e: tokenize_iso20022::Iso20022Error| input(format!("iso20022: {}: {e}", file.display()));
	Ok((data_hash(&xml).map_err(fail)?, payment_fields(&xml).map_err(fail)?))
}

fn hex_hash(hash: &[u8; 32]) -> String {
	format!("0x{}", hex::encode(hash))
}

fn hash(file: &PathBuf, json: bool) -> sc_cli::Result<()> {
	let (hash, fields) = read(file)?;
	if json {
		let object = serde_json::json!({
			"hash": hex_hash(&hash),
			"msgId": fields.msg_id,
			"endToEndId": fields.end_to_end_id,
			"amount": fields.amount,
			"currency": fields.currency,
			"debtorAgentBic": fields.debtor_agent_bic,
			"creditorAgentBic": fields.creditor_agent_bic,
		});
		println!("{object}");
	} else {
		println!("hash:               {}", hex_hash(&hash));
		println!("MsgId:              {}", fields.msg_id);
		println!("EndToEndId:         {}", fields.end_to_end_id);
		println!("amount:             {} {}", fields.amount, fields.currency);
		println!("debtor agent BIC:   {}", fields.debtor_agent_bic.as_deref().unwrap_or("-"));
		println!("creditor agent BIC: {}", fields.creditor_agent_bic.as_deref().unwrap_or("-"));
	}
	Ok(())
}

/// One comparison of the file against the chain.
struct Check {
	name: &'static str,
	ok: bool,
	detail: String,
}

/// Every check of the file against the payment, in order.
fn checks(hash: &[u8; 32], fields: &PaymentFields, payment: &PaymentJson) -> Vec<Check> {
	let stored = payment.data_hash.map(|h| hex_hash(&h.0));
	let amount_units = payment.decimals.and_then(|decimals| amount_in_units(&fields.amount, decimals));
	let end_to_end = fields.end_to_end_id.trim_start_matches("0x").to_ascii_lowercase();
	vec![
		Check {
			name: "DataHash",
			ok: stored.as_deref() == Some(hex_hash(hash).as_str()),
			detail: format!("file {}, chain {}", hex_hash(hash), stored.as_deref().unwrap_or("none anchored")),
		},
		Check {
			name: "EndToEndId",
			ok: end_to_end == payment.tx_id,
			detail: format!("file {}, txId {}", fields.end_to_end_id, payment.tx_id),
		},
		Check {
			name: "Amount",
			ok: amount_units.map(|units| units.to_string()).as_deref() == Some(payment.amount.as_str()),
			detail: format!(
				"file {} ({} units), chain {} units",
				fields.amount,
				amount_units.map_or("not exact".to_owned(), |u| u.to_string()),
				payment.amount
			),
		},
		Check {
			name: "Currency",
			ok: payment.currency.as_deref() == Some(fields.currency.as_str()),
			detail: format!("file {}, chain {}", fields.currency, payment.currency.as_deref().unwrap_or("none")),
		},
		Check {
			name: "CreditorAgentBic",
			ok: fields.creditor_agent_bic.is_some() && fields.creditor_agent_bic == payment.recipient_bic,
			detail: format!(
				"file {}, recipient's bank {}",
				fields.creditor_agent_bic.as_deref().unwrap_or("none"),
				payment.recipient_bic.as_deref().unwrap_or("none registered")
			),
		},
	]
}

fn verify(file: &PathBuf, tx: &str, url: &str) -> sc_cli::Result<()> {
	let tx_id = parse_tx_id(tx).ok_or_else(|| input(format!("verify: '{tx}' is not a txId (32 hex digits)")))?;
	let (hash, fields) = read(file)?;
	let tx_hex = hex::encode(tx_id);
	let payment = fetch_payment(url, &tx_hex)?.ok_or_else(|| input(format!("verify: no payment {tx_hex} on {url}")))?;
	println!("payment {tx_hex} on {url}: {} (asset {}, status {})", payment.amount, payment.asset, payment.status);
	let results = checks(&hash, &fields, &payment);
	for check in &results {
		println!("  {:<16} {:<8} {}", check.name, if check.ok { "ok" } else { "MISMATCH" }, check.detail);
	}
	let mismatches: Vec<&str> = results.iter().filter(|c| !c.ok).map(|c| c.name).collect();
	if mismatches.is_empty() {
		println!("verified: the file is the message anchored under {tx_hex}");
		Ok(())
	} else {
		Err(input(format!("verify: {} mismatch(es): {}", mismatches.len(), mismatches.join(", "))))
	}
}

fn fetch_payment(url: &str, tx_hex: &str) -> sc_cli::Result<Option<PaymentJson>> {
	let runtime = tokio::runtime::Builder::new_current_thread()
		.enable_all()
		.build()
		.map_err(|e| input(format!("verify: cannot start the RPC client: {e}")))?;
	runtime.block_on(async {
		let client = WsClientBuilder::default()
			.build(url)
			.await
			.map_err(|e| input(format!("verify: cannot connect to {url}: {e}")))?;
		client
			.request("payments_payment", rpc_params![tx_hex])
			.await
			.map_err(|e| input(format!("verify: payments_payment failed on {url}: {e}")))
	})
}

#[cfg(test)]
mod tests {
	use super::*;

	fn payment(data_hash: Option<[u8; 32]>) -> PaymentJson {
		let account = sp_keyring::Sr25519Keyring::Alice.to_account_id();
		PaymentJson {
			tx_id: "00112233445566778899aabbccddeeff".into(),
			sender: account.clone(),
			recipient: account,
			asset: 2,
			amount: "1000000000".into(),
			currency: Some("USD".into()),
			decimals: Some(6),
			sender_bic: Some("CHASUS33XXX".into()),
			recipient_bic: Some("COBADEFFXXX".into()),
			source: "US".into(),
			destination: "DE".into(),
			corridor_day: 0,
			initiated_at: 1,
			challenge_until: 2,
			expires_at: 3,
			data_hash: data_hash.map(sp_core::H256),
			travel_rule_hash: None,
			status: "Initiated".into(),
			settled_at: None,
			refund_reason: None,
			challenged_by: None,
			challenge_reason_hash: None,
			fiat_bank: None,
		}
	}

	fn sample() -> Vec<u8> {
		let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../iso20022/samples/pacs008-usd-alice-bob.xml");
		std::fs::read(path).expect("the sample ships with the repository")
	}

	fn failed(results: &[Check]) -> Vec<&'static str> {
		results.iter().filter(|c| !c.ok).map(|c| c.name).collect()
	}

	#[test]
	fn each_difference_from_the_chain_is_named() {
		let xml = sample();
		let (hash, fields) = (data_hash(&xml).expect("hashable"), payment_fields(&xml).expect("readable"));
		assert!(failed(&checks(&hash, &fields, &payment(Some(hash)))).is_empty());
		assert_eq!(failed(&checks(&hash, &fields, &payment(None))), ["DataHash"]);
		let mut other = payment(Some(hash));
		other.amount = "999000000".into();
		other.recipient_bic = Some("DEUTDEFFXXX".into());
		other.tx_id = "ffeeddccbbaa99887766554433221100".into();
		assert_eq!(failed(&checks(&hash, &fields, &other)), ["EndToEndId", "Amount", "CreditorAgentBic"]);
		let mut euro = payment(Some(hash));
		euro.currency = Some("EUR".into());
		euro.decimals = Some(2);
		euro.amount = "100000".into();
		assert_eq!(failed(&checks(&hash, &fields, &euro)), ["Currency"]);
	}
}
