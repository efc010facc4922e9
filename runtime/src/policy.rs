//! The consortium's transaction policy, enforced before anything executes.
//!
//! **Call filter** ([`ConsortiumCallFilter`], the runtime's `BaseCallFilter`;
//! Root bypasses it, every signed origin meets it, also inside a multisig or
//! `sudo_as`):
//! - a permissioned asset moves only through `CompliantAssets`: every
//!   pallet-assets call naming a permissioned asset is refused, matched on the
//!   call's variants (a variant this runtime does not know is refused), also
//!   when carried by sudo, sudo_as, a multisig or a governance proposal;
//!   nobody creates a pallet-assets asset with `create` (governance uses
//!   `force_create` or compliant-assets);
//! - `system.remark*` are Root-only: a free remark is free block space;
//! - pallet-preimage is reachable only through governance (a free preimage is
//!   free state), and node-authorization only through its governance calls
//!   (`claim_node`, `add_connections`, ... would let any account store peer
//!   lists for free and squat a node governance is about to add);
//! - while the circuit breaker's global pause is on, only the calls that can
//!   lift it or keep governance working pass: the breaker itself, the
//!   multisig calls that carry the committees' approvals, governance
//!   proposals, the identity registry (renewing the signers a long pause
//!   would otherwise let lapse), the officer's address freezes, sudo on the
//!   dev chain, and the timestamp inherent without which no block could be
//!   built.
//!
//! **Fee policy** ([`VerifiedSender`], a transaction extension in place of
//! `ChargeTransactionPayment`): bank customers never pay fees. A signed
//! transaction is valid only when its signer holds a verified, unsanctioned
//! identity, whose address is not frozen (the freeze pallet's address
//! freeze: a frozen address may not act at all), and the transaction fits the
//! signer's budget for the window (number, declared compute and length,
//! kept by the identity registry; customers get a small budget, governance
//! keyholders a large one). All of this is decided in `validate`, so an
//! unverified or over-eager account never gets into the transaction pool.
//! A transaction is admitted against its declared compute; once it has run,
//! the window keeps only what the block charged it (a transfer between two
//! holders is charged less than its worst case), so a budget is spent on
//! real work.
//!
//! **The keyholder rule**: a *governance keyholder* (an account with a live
//! identity that holds a role or signs for a committee) making a *governance
//! call* ([`is_governance_call`]: multisig approvals of such calls, proposals,
//! identity registry, breaker, address freezes, validator set, session keys,
//! node allowlist, corridors) is admitted even when it is sanctioned, its
//! jurisdiction is blocked, its KYC lapsed or its address is frozen, and its
//! transaction gets [`priority::GOVERNANCE`], so that customer traffic can
//! neither crowd it out of a full pool nor out of the next block. One
//! compliance officer therefore cannot lock the council, the committees, the
//! validator banks or herself out; only governance's revocation does. What a
//! keyholder does with value is still checked by the pallets at dispatch.
//!
//! **Pending transactions per sender** ([`CheckNonceWithinWindow`], in place
//! of `CheckNonce`): a transaction whose nonce is more than
//! [`MAX_NONCES_AHEAD`] ahead of its signer's account nonce is refused, so one
//! sender holds a bounded number of transactions in any pool.

use crate::{
	AccountId, CircuitBreaker, CompliantAssets, Freeze, IdentityRegistry, Nonce, Runtime, RuntimeCall,
	System,
};
use codec::{Decode, DecodeWithMemTracking, Encode};
use frame_support::{
	dispatch::DispatchInfo,
	pallet_prelude::TransactionSource,
	traits::{Contains, OriginTrait},
	weights::Weight,
};
use pallet_identity_registry::{AllowanceRefusal, SenderClass, TransactionCost};
use scale_info::TypeInfo;
use sp_runtime::{
	traits::{
		AsSystemOriginSigner, DispatchInfoOf, DispatchOriginOf, Implication, PostDispatchInfoOf,
		TransactionExtension, ValidateResult,
	},
	transaction_validity::{
		InvalidTransaction, TransactionPriority, TransactionValidityError, ValidTransaction,
	},
	DispatchResult,
};
use tokenize_primitives::{ComplianceFailure, ComplianceTransfer};

/// `InvalidTransaction::Custom` codes of [`VerifiedSender`] and
/// [`CheckNonceWithinWindow`], for middleware.
pub mod refusal {
	/// The signer has no verified identity (unregistered, pending, revoked or expired).
	pub const SIGNER_NOT_VERIFIED: u8 = 10;
	/// The signer is sanctioned or its jurisdiction is blocked.
	pub const SIGNER_SANCTIONED: u8 = 11;
	/// The transaction would exceed the signer's budget for the current
	/// window (number of transactions, compute or length).
	pub const RATE_LIMITED: u8 = 12;
	/// The circuit breaker froze the signer's address.
	pub const ADDRESS_FROZEN: u8 = 13;
	/// The chain is globally paused and the call cannot lift the pause.
	pub const CHAIN_PAUSED: u8 = 14;
	/// The nonce is more than `MAX_NONCES_AHEAD` ahead of the account's:
	/// the sender already has as many transactions pending as it may.
	pub const TOO_MANY_PENDING: u8 = 15;
	/// The call filter refuses the call for every signed origin.
	pub const CALL_NOT_ALLOWED: u8 = 16;
}

/// Transaction priorities: the pool evicts, and block authors include, in
/// priority order.
pub mod priority {
	use super::TransactionPriority;
	/// Everything but a keyholder's governance call.
	pub const ORDINARY: TransactionPriority = 0;
	/// A governance keyholder's governance call (see the module documentation).
	pub const GOVERNANCE: TransactionPriority = 1 << 40;
}

/// How far ahead of its account nonce a signed transaction's nonce may be.
pub const MAX_NONCES_AHEAD: Nonce = 64;

/// The runtime's base call filter.
pub struct ConsortiumCallFilter;

impl Contains<RuntimeCall> for ConsortiumCallFilter {
	fn contains(call: &RuntimeCall) -> bool {
		is_permitted(call) && (!CircuitBreaker::is_globally_paused() || callable_while_paused(call))
	}
}

/// The static part of the filter: calls no signed origin may make, paused or
/// not. A call carrying another call is judged by what it carries: sudo's
/// calls dispatch their payload without the filter, and a proposal's payload
/// runs later as Root, where no filter applies.
pub fn is_permitted(call: &RuntimeCall) -> bool {
	use pallet_multisig::Call as Multisig;
	use pallet_node_authorization::Call as Nodes;
	use pallet_sudo::Call as Sudo;
	match call {
		RuntimeCall::Sudo(
			Sudo::sudo { call } | Sudo::sudo_unchecked_weight { call, .. } | Sudo::sudo_as { call, .. },
		) |
		RuntimeCall::Multisig(
			Multisig::as_multi { call, .. } | Multisig::as_multi_threshold_1 { call, .. },
		) |
		RuntimeCall::Governance(pallet_governance::Call::propose { call }) => is_permitted(call),
		// `benchmark overhead` measures the base weight of an extrinsic with
		// blocks full of empty remarks; benchmark builds admit them for that.
		RuntimeCall::System(frame_system::Call::remark { .. }) if cfg!(feature = "runtime-benchmarks") => true,
		RuntimeCall::System(
			frame_system::Call::remark { .. } | frame_system::Call::remark_with_event { .. },
		) => false,
		RuntimeCall::Preimage(_) => false,
		RuntimeCall::NodeAuthorization(nodes) => matches!(
			nodes,
			Nodes::add_well_known_node { .. } |
				Nodes::remove_well_known_node { .. } |
				Nodes::swap_well_known_node { .. } |
				Nodes::reset_well_known_nodes { .. }
		),
		RuntimeCall::Assets(assets) => assets_call_permitted(assets),
		_ => true,
	}
}

/// A pallet-assets call passes when it is not `create` and names an asset
/// that is not permissioned. Matched on the variants: every call of
/// pallet-assets names its asset as `id`; an unknown variant is refused.
fn assets_call_permitted(call: &pallet_assets::Call<Runtime>) -> bool {
	use pallet_assets::Call as A;
	let id = match call {
		A::create { .. } => return false,
		A::force_create { id, .. } |
		A::start_destroy { id, .. } |
		A::destroy_accounts { id, .. } |
		A::destroy_approvals { id, .. } |
		A::finish_destroy { id, .. } |
		A::mint { id, .. } |
		A::burn { id, .. } |
		A::transfer { id, .. } |
		A::transfer_keep_alive { id, .. } |
		A::force_transfer { id, .. } |
		A::freeze { id, .. } |
		A::thaw { id, .. } |
		A::freeze_asset { id, .. } |
		A::thaw_asset { id, .. } |
		A::transfer_ownership { id, .. } |
		A::set_team { id, .. } |
		A::set_metadata { id, .. } |
		A::clear_metadata { id, .. } |
		A::force_set_metadata { id, .. } |
		A::force_clear_metadata { id, .. } |
		A::force_asset_status { id, .. } |
		A::approve_transfer { id, .. } |
		A::cancel_approval { id, .. } |
		A::force_cancel_approval { id, .. } |
		A::transfer_approved { id, .. } |
		A::touch { id, .. } |
		A::refund { id, .. } |
		A::set_min_balance { id, .. } |
		A::touch_other { id, .. } |
		A::refund_other { id, .. } |
		A::block { id, .. } |
		A::transfer_all { id, .. } |
		A::set_reserves { id, .. } => id.0,
		_ => return false,
	};
	!CompliantAssets::is_permissioned(&id)
}

/// The calls that stay dispatchable during a global pause.
fn callable_while_paused(call: &RuntimeCall) -> bool {
	matches!(
		call,
		RuntimeCall::Timestamp(_) |
			RuntimeCall::CircuitBreaker(_) |
			RuntimeCall::Multisig(_) |
			RuntimeCall::Governance(_) |
			RuntimeCall::IdentityRegistry(_) |
			RuntimeCall::Sudo(_)
	) || is_address_freeze_call(call)
}

/// The compliance officer's address freeze and its lift (freeze pallet).
fn is_address_freeze_call(call: &RuntimeCall) -> bool {
	matches!(
		call,
		RuntimeCall::Freeze(pallet_freeze::Call::freeze_address { .. } | pallet_freeze::Call::unfreeze_address { .. })
	)
}

/// Whether `call` is one a governance keyholder makes in that capacity. A
/// multisig call counts when what it carries does (approvals and
/// cancellations carry only a hash and always count), so that a keyholder
/// cannot lift customer traffic to governance priority by wrapping it.
pub fn is_governance_call(call: &RuntimeCall) -> bool {
	use pallet_multisig::Call as Multisig;
	match call {
		RuntimeCall::Multisig(Multisig::as_multi { call, .. }) |
		RuntimeCall::Multisig(Multisig::as_multi_threshold_1 { call, .. }) => is_governance_call(call),
		RuntimeCall::Multisig(_) => true,
		RuntimeCall::Governance(_) |
		RuntimeCall::IdentityRegistry(_) |
		RuntimeCall::CircuitBreaker(_) |
		RuntimeCall::ValidatorSet(_) |
		RuntimeCall::Session(_) |
		RuntimeCall::NodeAuthorization(_) |
		RuntimeCall::Corridor(_) => true,
		// The depositary's independent check on the issuer: its attestations
		// and its pause must reach the chain whatever the officer decides
		// about its address or jurisdiction. The issuer's calls are business.
		RuntimeCall::MintEscrow(
			pallet_mint_escrow::Call::set_deposit_token { .. } |
			pallet_mint_escrow::Call::attest_backing { .. } |
			pallet_mint_escrow::Call::depositary_pause { .. } |
			pallet_mint_escrow::Call::depositary_resume { .. },
		) => true,
		// The committee's decisions, the officer's or a bank's objection and
		// governance's settings; a customer's payment and a refund are business.
		RuntimeCall::Payments(
			pallet_payments::Call::confirm_settlements { .. } |
			pallet_payments::Call::resolve_challenge { .. } |
			pallet_payments::Call::cancel_payment { .. } |
			pallet_payments::Call::challenge { .. } |
			pallet_payments::Call::set_settlement_currency { .. } |
			pallet_payments::Call::set_rail_settings { .. },
		) => true,
		_ => is_address_freeze_call(call),
	}
}

/// Admits signed transactions only from verified identities within their
/// budget; see the module documentation.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo, Default)]
pub struct VerifiedSender;

impl core::fmt::Debug for VerifiedSender {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "VerifiedSender")
	}
}

impl VerifiedSender {
	/// The priority `who`'s transaction gets, or the code it is refused with.
	fn admit(who: &AccountId, call: &RuntimeCall, cost: TransactionCost) -> Result<TransactionPriority, u8> {
		let governance = is_governance_call(call);
		// One read of the signer's identity serves the class and the checks.
		let standing = IdentityRegistry::sender_standing(who);
		let keyholder_acting = governance && standing.class == SenderClass::Keyholder;
		if Freeze::address_frozen(who) && !keyholder_acting {
			return Err(refusal::ADDRESS_FROZEN);
		}
		if CircuitBreaker::is_globally_paused() && !callable_while_paused(call) {
			return Err(refusal::CHAIN_PAUSED);
		}
		if !is_permitted(call) {
			return Err(refusal::CALL_NOT_ALLOWED);
		}
		match IdentityRegistry::check_transaction_allowance_of(who, &standing, cost, governance) {
			Ok(_) if keyholder_acting => Ok(priority::GOVERNANCE),
			Ok(_) => Ok(priority::ORDINARY),
			Err(AllowanceRefusal::NotCompliant(
				ComplianceFailure::Sanctioned | ComplianceFailure::JurisdictionBlocked,
			)) => Err(refusal::SIGNER_SANCTIONED),
			Err(AllowanceRefusal::NotCompliant(_)) => Err(refusal::SIGNER_NOT_VERIFIED),
			Err(AllowanceRefusal::RateLimited) => Err(refusal::RATE_LIMITED),
		}
	}
}

/// What a transaction costs against its signer's budget: its declared
/// weight (call and extensions) and its length.
fn cost_of(info: &DispatchInfo, len: usize) -> TransactionCost {
	TransactionCost {
		ref_time: info.total_weight().ref_time(),
		bytes: u32::try_from(len).unwrap_or(u32::MAX),
	}
}

impl TransactionExtension<RuntimeCall> for VerifiedSender {
	const IDENTIFIER: &'static str = "VerifiedSender";
	type Implicit = ();
	type Val = Option<(AccountId, TransactionCost)>;
	/// The signer, whose window was charged the declared compute.
	type Pre = Option<AccountId>;

	fn weight(&self, _: &RuntimeCall) -> Weight {
		// The compute of this admission is in every extrinsic's base weight:
		// `benchmark overhead` measures that base with signed remarks that
		// pass it. Those remarks come from one signer, whose records stay
		// cached; a block's transactions come from many. So the signer's own
		// records are priced here: its identity, committee-signer index,
		// sanctions entry, address freeze and allowance read, the allowance
		// written. (The global pause, blocked jurisdictions and the clock are
		// one key each for the whole block.) The refund after dispatch
		// rewrites the allowance this transaction wrote: no further access.
		<Runtime as frame_system::Config>::DbWeight::get().reads_writes(5, 1)
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<RuntimeCall>,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
		_self_implicit: Self::Implicit,
		_inherited_implication: &impl Implication,
		_source: TransactionSource,
	) -> ValidateResult<Self::Val, RuntimeCall> {
		let Some(who) = origin.as_signer().cloned() else {
			return Ok((ValidTransaction::default(), None, origin));
		};
		let cost = cost_of(info, len);
		let priority = Self::admit(&who, call, cost)
			.map_err(|code| TransactionValidityError::from(InvalidTransaction::Custom(code)))?;
		Ok((ValidTransaction { priority, ..Default::default() }, Some((who, cost)), origin))
	}

	fn prepare(
		self,
		val: Self::Val,
		_origin: &DispatchOriginOf<RuntimeCall>,
		_call: &RuntimeCall,
		_info: &DispatchInfoOf<RuntimeCall>,
		_len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		Ok(val.map(|(who, cost)| {
			IdentityRegistry::note_transaction(&who, cost);
			who
		}))
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		info: &DispatchInfoOf<RuntimeCall>,
		post_info: &PostDispatchInfoOf<RuntimeCall>,
		_len: usize,
		_result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		// The window keeps what the block charged: a call that reports a
		// lower weight than it declared (a transfer between holders) gives
		// the difference back to its signer's budget (`cost_of` charged the
		// declared total).
		if let Some(who) = pre {
			let unspent = post_info.calc_unspent(info).ref_time();
			if unspent > 0 {
				IdentityRegistry::refund_transaction(&who, unspent);
			}
		}
		Ok(Weight::zero())
	}
}

/// frame-system's `CheckNonce`, refusing a nonce more than
/// [`MAX_NONCES_AHEAD`] ahead of the signer's account nonce. It keeps
/// `CheckNonce`'s identifier and encoding (a compact nonce), so wallets and
/// SDKs sign exactly as they do for any Substrate chain.
#[derive(Encode, Decode, DecodeWithMemTracking, Clone, Eq, PartialEq, TypeInfo)]
pub struct CheckNonceWithinWindow(pub frame_system::CheckNonce<Runtime>);

impl CheckNonceWithinWindow {
	pub fn from(nonce: Nonce) -> Self {
		Self(frame_system::CheckNonce::from(nonce))
	}
}

impl core::fmt::Debug for CheckNonceWithinWindow {
	fn fmt(&self, f: &mut core::fmt::Formatter) -> core::fmt::Result {
		write!(f, "CheckNonceWithinWindow({})", self.0 .0)
	}
}

type InnerNonceCheck = frame_system::CheckNonce<Runtime>;

impl TransactionExtension<RuntimeCall> for CheckNonceWithinWindow {
	const IDENTIFIER: &'static str = "CheckNonce";
	type Implicit = ();
	type Val = <InnerNonceCheck as TransactionExtension<RuntimeCall>>::Val;
	type Pre = <InnerNonceCheck as TransactionExtension<RuntimeCall>>::Pre;

	fn weight(&self, call: &RuntimeCall) -> Weight {
		// The account read is the one `CheckNonce` does anyway.
		self.0.weight(call)
	}

	fn validate(
		&self,
		origin: DispatchOriginOf<RuntimeCall>,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
		self_implicit: Self::Implicit,
		inherited_implication: &impl Implication,
		source: TransactionSource,
	) -> ValidateResult<Self::Val, RuntimeCall> {
		if let Some(who) = origin.as_system_origin_signer() {
			let limit = System::account_nonce(who).saturating_add(MAX_NONCES_AHEAD);
			if self.0 .0 > limit {
				return Err(InvalidTransaction::Custom(refusal::TOO_MANY_PENDING).into());
			}
		}
		self.0
			.validate(origin, call, info, len, self_implicit, inherited_implication, source)
	}

	fn prepare(
		self,
		val: Self::Val,
		origin: &DispatchOriginOf<RuntimeCall>,
		call: &RuntimeCall,
		info: &DispatchInfoOf<RuntimeCall>,
		len: usize,
	) -> Result<Self::Pre, TransactionValidityError> {
		self.0.prepare(val, origin, call, info, len)
	}

	fn post_dispatch_details(
		pre: Self::Pre,
		info: &DispatchInfoOf<RuntimeCall>,
		post_info: &PostDispatchInfoOf<RuntimeCall>,
		len: usize,
		result: &DispatchResult,
	) -> Result<Weight, TransactionValidityError> {
		InnerNonceCheck::post_dispatch_details(pre, info, post_info, len, result)
	}
}
