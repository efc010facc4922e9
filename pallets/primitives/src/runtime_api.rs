//! Runtime APIs of the compliance layer, wrapped by the node's `compliance_*`
//! RPC methods. Middleware pre-checks here what a transaction would do
//! (ERC-1404 style) without submitting it; regulators read state.

use crate::{ComplianceFailure, FreezeSummary, Jurisdiction};
use codec::{Codec, Decode, Encode};
use scale_info::TypeInfo;
use serde::{Deserialize, Serialize};

/// Why a transfer would be refused: the pallet error it would fail with.
#[derive(Clone, Encode, Decode, TypeInfo, PartialEq, Eq, Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct TransferRefusal {
	/// Index of the pallet in the runtime.
	pub pallet_index: u8,
	/// Index of the error variant in the pallet's `Error` enum.
	pub error_index: u8,
	/// `Pallet::Error` name, e.g. `CompliantAssets::ReceiverSanctioned`.
	pub name: alloc::string::String,
}

/// A holding's balance split into what can move and what cannot.
#[derive(Clone, Encode, Decode, TypeInfo, PartialEq, Eq, Debug, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct SpendableBalance<Balance> {
	pub balance: Balance,
	/// What an ordinary transfer could move now (balance − frozen).
	pub spendable: Balance,
	pub frozen: FreezeSummary<Balance>,
}

sp_api::decl_runtime_apis! {
	/// Identity, transfer pre-checks, freezes, circuit breaker and corridors.
	pub trait ComplianceApi<AccountId, AssetId, Balance, IdentityView, BreakerView, CorridorView>
	where
		AccountId: Codec,
		AssetId: Codec,
		Balance: Codec,
		IdentityView: Codec,
		BreakerView: Codec,
		CorridorView: Codec,
	{
		/// The identity of `who` as the registry sees it now.
		fn identity(who: AccountId) -> Option<IdentityView>;
		/// The full compliance check of `who`, with the first failed check.
		fn check_compliance(who: AccountId) -> Result<(), ComplianceFailure>;
		/// Whether `from` may transfer `amount` of `asset` to `to` now; the
		/// refusal is the error the transfer extrinsic would fail with.
		fn can_transfer(asset: AssetId, from: AccountId, to: AccountId, amount: Balance) -> Result<(), TransferRefusal>;
		/// Balance, spendable part and the active freezes of one holding.
		fn spendable_balance(asset: AssetId, who: AccountId) -> SpendableBalance<Balance>;
		/// The circuit breaker's global state and throttles.
		fn breaker_status() -> BreakerView;
		/// Whether `asset` is paused and whether `who` is frozen by the breaker.
		fn breaker_scope_status(asset: AssetId, who: AccountId) -> (bool, bool);
		/// A corridor with today's used and remaining volume.
		fn corridor_status(source: Jurisdiction, destination: Jurisdiction) -> Option<CorridorView>;
	}
}
