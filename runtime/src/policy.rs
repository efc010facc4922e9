//! The consortium's transaction policy, enforced before anything executes.
//!
//! **Call filter** ([`ConsortiumCallFilter`], the runtime's `BaseCallFilter`):
//! - a permissioned asset moves only through `CompliantAssets`: every direct
//!   pallet-assets call that names a permissioned asset is refused;
//! - while the circuit breaker's global pause is on, only the calls that can
//!   lift it (or tighten it) pass: the breaker itself, the multisig calls that
//!   carry the council's approvals, sudo on the dev chain, and the timestamp
//!   inherent without which no block could be built.
//!
//! **Fee policy** ([`VerifiedSender`], a transaction extension in place of
//! `ChargeTransactionPayment`): bank customers never pay fees. A transaction
//! is valid only when its signer holds a verified, unsanctioned identity and
//! is within its feeless allowance (a number of transactions per window, kept
//! by the identity registry; identities with the Bank role, which submit for
//! their customers, are not rate-limited); an address frozen by the circuit breaker cannot
//! transact at all. All of this is decided in `validate`, so an unverified or
//! over-eager account never gets into the transaction pool, let alone a block.

use crate::{AccountId, CircuitBreaker, CompliantAssets, IdentityRegistry, Runtime, RuntimeCall};
use codec::{Compact, Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	pallet_prelude::TransactionSource,
	traits::{Contains, OriginTrait},
	weights::Weight,
};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{DispatchInfoOf, DispatchOriginOf, TransactionExtension, ValidateResult},
	transaction_validity::{InvalidTransaction, TransactionValidityError, ValidTransaction},
};
use tokenize_primitives::{Compliance, ComplianceTransfer, Role};

/// `InvalidTransaction::Custom` codes of [`VerifiedSender`], for middleware.
pub mod refusal {
	/// The signer has no verified identity (unregistered, pending, revoked or expired).
	pub const SIGNER_NOT_VERIFIED: u8 = 10;
	/// The signer is sanctioned or its jurisdiction is blocked.
	pub const SIGNER_SANCTIONED: u8 = 11;
	/// The signer used up its feeless allowance for the current window.
	pub const RATE_LIMITED: u8 = 12;
	/// The circuit breaker froze the signer's address.
	pub const ADDRESS_FROZEN: u8 = 13;
	/// The chain is globally paused and the call cannot lift the pause.
	pub const CHAIN_PAUSED: u8 = 14;
}

/// The runtime's base call filter.
pub struct ConsortiumCallFilter;

impl Contains<RuntimeCall> for ConsortiumCallFilter {
	fn contains(call: &RuntimeCall) -> bool {
		if let RuntimeCall::Assets(assets_call) = call {
			if names_permissioned_asset(assets_call) {
				return false;
			}
		}
		!CircuitBreaker::is_globally_paused() || callable_while_paused(call)
	}
}

/// Every pallet-assets call takes the asset id as its first argument, so the
/// id is the compact integer right after the call's variant index. A call
/// whose id cannot be read is treated as naming a permissioned asset: the
/// filter fails closed.
fn names_permissioned_asset(call: &pallet_assets::Call<Runtime>) -> bool {
	let encoded = call.encode();
	let mut args = encoded.get(1..).unwrap_or_default();
	match Compact::<crate::AssetId>::decode(&mut args) {
		Ok(Compact(id)) => CompliantAssets::is_permissioned(&id),
		Err(_) => true,
	}
}

/// The calls that stay dispatchable during a global pause.
fn callable_while_paused(call: &RuntimeCall) -> bool {
	matches!(
		call,
		RuntimeCall::Timestamp(_)
			| RuntimeCall::CircuitBreaker(_)
			| RuntimeCall::Multisig(_)
			| RuntimeCall::Sudo(_)
	)
}

/// Admits signed transactions only from verified identities within their
/// feeless allowance; see the module documentation.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo, Default)]
pub struct VerifiedSender;

impl core::fmt::Debug for VerifiedSender {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "VerifiedSender")
	}
}

impl VerifiedSender {
	/// Why `who` may not transact now, if it may not.
	fn refusal(who: &AccountId, call: &RuntimeCall) -> Option<u8> {
		use pallet_identity_registry::AllowanceRefusal;
		if CircuitBreaker::is_address_frozen(who) {
			return Some(refusal::ADDRESS_FROZEN);
		}
		if CircuitBreaker::is_globally_paused() && !callable_while_paused(call) {
			return Some(refusal::CHAIN_PAUSED);
		}
		use tokenize_primitives::ComplianceFailure::{JurisdictionBlocked, Sanctioned};
		match IdentityRegistry::check_transaction_allowance(who) {
			Ok(()) => None,
			Err(AllowanceRefusal::NotCompliant(Sanctioned | JurisdictionBlocked)) =>
				Some(refusal::SIGNER_SANCTIONED),
			Err(AllowanceRefusal::NotCompliant(_)) => Some(refusal::SIGNER_NOT_VERIFIED),
			// Banks submit for their customers (bank middleware): the allowance
			// protects the chain from customer accounts, not from consortium
			// members, whose volume the block limits already bound.
			Err(AllowanceRefusal::RateLimited) if IdentityRegistry::has_role(who, Role::Bank) => None,
			Err(AllowanceRefusal::RateLimited) => Some(refusal::RATE_LIMITED),
		}
	}
}

impl TransactionExtension<RuntimeCall> for VerifiedSender {
	const IDENTIFIER: &'static str = "VerifiedSender";
	type Implicit = ();
	type Val = Option<AccountId>;
	type Pre = ();

	fn weight(&self, _: &RuntimeCall) -> Weight {
		// Breaker (address, global), identity, sanctions, allowance: read; allowance: write.
		<Runtime as frame_system::Config>::DbWeight::get().reads_writes(5, 1)
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<RuntimeCall>,
		call: &RuntimeCall,
		_info: &DispatchInfoOf<RuntimeCall>,
		_len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Encode,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, RuntimeCall> {
		let Some(who) = origin.as_signer().cloned() else {
			return Ok((ValidTransaction::default(), None, origin));
		};
		if let Some(code) = Self::refusal(&who, call) {
			return Err(InvalidTransaction::Custom(code).into());
		}
		Ok((ValidTransaction::default(), Some(who), origin))
	}

	fn prepare(
		self,
		signer: Self::Val,
		_origin: &DispatchOriginOf<RuntimeCall>,
		_call: &RuntimeCall,
		_info: &DispatchInfoOf<RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		if let Some(who) = signer {
			IdentityRegistry::note_transaction(&who);
		}
		Ok(())
	}
}
