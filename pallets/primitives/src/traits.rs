//! Cross-pallet traits: the only way one pallet asks another a question or
//! asks it to act. The runtime wires the implementations; each pallet's mock
//! scripts them.

use crate::{
	Bic, BreakerRefusal, ComplianceFailure, CorridorUse, FreezeSummary, InvestorCategory,
	FeedId, FundId, Jurisdiction, NavRefusal, OperationKind, PricePoint, Role,
};
use frame_support::{
	pallet_prelude::{DispatchError, DispatchResult},
	weights::Weight,
};

/// What the rest of the chain may ask the identity registry.
pub trait Compliance<AccountId> {
	/// The account has an identity that is verified and not expired.
	fn is_verified(who: &AccountId) -> bool;
	/// The account is verified and its identity holds `role`.
	fn has_role(who: &AccountId, role: Role) -> bool;
	/// The account's identity was verified, is not revoked and holds `role`,
	/// whatever its KYC expiry, sanctions or jurisdiction: the test for a
	/// safety brake no compliance action may take from its holder (a
	/// depositary's pause). Never enough for an act that enables value.
	fn holds_role(who: &AccountId, role: Role) -> bool;
	/// ISO 3166-1 alpha-2 jurisdiction of a registered identity.
	fn jurisdiction(who: &AccountId) -> Option<Jurisdiction>;
	/// Whether two accounts belong to the same legal entity: the same account, or
	/// two identities carrying the same LEI. Used to cap one bank's share of
	/// validator seats however many accounts it registers.
	fn same_legal_entity(a: &AccountId, b: &AccountId) -> bool;
	/// The full compliance check every permissioned movement of value needs:
	/// verified, not expired, not sanctioned, jurisdiction not blocked. The
	/// error names the first check that failed.
	fn check_compliance(who: &AccountId) -> Result<(), ComplianceFailure>;
	/// Whether the account is on the sanctions list, whatever else its
	/// identity's state (a revoked identity may still be sanctioned).
	fn is_sanctioned(who: &AccountId) -> bool;
	/// MiFID II category of a registered identity.
	fn category(who: &AccountId) -> Option<InvestorCategory>;
	/// Whether the consortium has blocked a jurisdiction (sanctions, FATF list).
	fn is_jurisdiction_blocked(jurisdiction: &Jurisdiction) -> bool;
	/// The BIC of a registered identity: a bank's own, a customer's bank's.
	fn bic(who: &AccountId) -> Option<Bic>;
}

/// The circuit breaker as seen by pallets that move value. The global pause is
/// enforced by the runtime's call filter; asset pauses, address freezes and
/// throttles are checked by the pallets themselves so that each refusal has a
/// named error.
pub trait Breaker<AssetId, AccountId, Balance> {
	/// Refuses when the chain or the asset is paused. (Whether a party's
	/// address is frozen is the freeze pallet's answer: [`Freezes`].)
	fn ensure_open(asset: &AssetId) -> Result<(), BreakerRefusal>;
	/// Counts one operation of `kind` on `asset`, initiated by `who` and
	/// moving `amount`, against the throttle of that kind and asset. Refuses
	/// while the throttle is tripped or when `who`'s own window is full; the
	/// operation that reaches the asset-wide threshold trips it (and is
	/// itself still allowed).
	fn note_operation(kind: OperationKind, asset: &AssetId, who: &AccountId, amount: Balance)
		-> Result<(), BreakerRefusal>;
	/// Read-only form of [`Self::note_operation`] for pre-checks (`can_transfer`).
	fn check_operation(kind: OperationKind, asset: &AssetId, who: &AccountId, amount: Balance)
		-> Result<(), BreakerRefusal>;
}

/// Amount-level freezes as seen by the pallet that moves permissioned assets.
/// The freeze pallet also implements pallet-assets' `FrozenBalance`, so the
/// frozen part of a balance can never leave through an ordinary transfer.
pub trait Freezes<AssetId, AccountId, Balance> {
	/// The total of active freeze entries on `who`'s holding of `asset`
	/// (the whole balance counts as frozen when the address is frozen).
	fn frozen_balance(asset: &AssetId, who: &AccountId) -> Balance;
	/// Whether every holding of `who` is frozen (address-level freeze).
	fn is_address_frozen(who: &AccountId) -> bool;
	/// Re-keys every active entry of `from` on `asset` to `to`: a recovered
	/// wallet keeps its freezes.
	fn move_freezes(asset: &AssetId, from: &AccountId, to: &AccountId) -> DispatchResult;
	/// Releases up to `amount` of `who`'s frozen `asset` (newest entries first)
	/// so that a forced transfer by the forced-transfer agent may move it.
	/// Returns what was released.
	fn release_for_forced_transfer(
		asset: &AssetId,
		who: &AccountId,
		amount: Balance,
	) -> Result<Balance, frame_support::pallet_prelude::DispatchError>;
	/// Active entries, for the spendable-balance runtime API.
	fn summary(asset: &AssetId, who: &AccountId) -> FreezeSummary<Balance>;
}

/// Moving permissioned assets. Implemented by the compliant-assets pallet;
/// every pallet that moves a permissioned asset (escrow, funds, freezes) goes
/// through it so that holder bookkeeping and compliance rules hold everywhere.
///
/// A movement tells the holding observers ([`OnHoldingChange`]) before it
/// changes the parties' holdings, and their work (a fund's yield accrual on
/// its share class) is the caller's to pay for: each moving function returns
/// what the observers charged, never more than
/// [`Self::movement_observers_most`], which the caller declares on top of
/// its own benchmark for every movement it may make and then charges what
/// was returned.
pub trait ComplianceTransfer<AccountId, AssetId, Balance> {
	/// Whether `asset` is a permissioned asset of compliant-assets.
	fn is_permissioned(asset: &AssetId) -> bool;
	/// Every rule an ordinary transfer must pass, without moving anything.
	fn can_transfer(
		asset: &AssetId,
		from: &AccountId,
		to: &AccountId,
		amount: Balance,
	) -> DispatchResult;
	/// A compliant transfer: checks every rule, then moves `amount`.
	/// Returns the observers' charge.
	fn transfer(asset: &AssetId, from: &AccountId, to: &AccountId, amount: Balance) -> Result<Weight, DispatchError>;
	/// A transfer under every rule of an ordinary one, whose operation the
	/// calling pallet counts under a throttle kind of its own (the release
	/// of an escrowed payment): checked and moved in one pass. Returns the
	/// observers' charge.
	fn settle(asset: &AssetId, from: &AccountId, to: &AccountId, amount: Balance) -> Result<Weight, DispatchError>;
	/// A privileged move (a confiscation ordered by a role):
	/// skips the sender-side rules but still requires a compliant receiver and
	/// never touches frozen amounts of `from` beyond what the caller released.
	/// Returns the observers' charge.
	fn force_move(asset: &AssetId, from: &AccountId, to: &AccountId, amount: Balance)
		-> Result<Weight, DispatchError>;
	/// The most the holding observers may charge for one movement (both of
	/// its parties).
	fn movement_observers_most() -> Weight;
	/// What a call making up to `movements` movements declares: its
	/// `benchmarked` weight (measured on an asset no observer works for)
	/// plus the observers' most for each movement.
	fn with_observers(benchmarked: Weight, movements: u32) -> Weight {
		benchmarked.saturating_add(Self::movement_observers_most().saturating_mul(movements.into()))
	}
}

/// Payment corridors between jurisdictions, as the payment pallets see them.
pub trait CorridorValidator<AccountId, AssetId, Balance> {
	/// Whether a payment of `amount` of `asset` from `from` to `to` may use the
	/// corridor between their jurisdictions today (active, not blocked, neither
	/// jurisdiction blocked, asset accepted, within min/max and the day's limit).
	fn validate(from: &AccountId, to: &AccountId, asset: &AssetId, amount: Balance)
		-> DispatchResult;
	/// [`Self::validate`] and then counts `amount` against today's volume;
	/// says which corridor and day it was counted on.
	fn record(from: &AccountId, to: &AccountId, asset: &AssetId, amount: Balance)
		-> Result<CorridorUse, frame_support::pallet_prelude::DispatchError>;
	/// Gives back `amount` of a refunded payment counted as `used`: only on
	/// the day it was counted (a past day's volume no longer limits anyone),
	/// never below zero.
	fn give_back(used: &CorridorUse, amount: Balance);
}

/// The account of a pallet-multisig n-of-m: the governance roles are held by
/// such accounts, derived from their signers so that rotating the signers
/// moves the role to a new account.
pub trait MultisigAccount<AccountId> {
	fn multi_account_id(signers: &[AccountId], threshold: u16) -> AccountId;
}

/// Lets benchmarks of other pallets create identities without knowing how the
/// registry stores them.
#[cfg(feature = "runtime-benchmarks")]
pub trait ComplianceBenchmarkHelper<AccountId> {
	/// Gives `who` a verified identity holding `roles`, valid for a year.
	fn make_verified(who: &AccountId, roles: &[Role]);
}

/// Issuing and destroying a permissioned asset, for the pallets that manage
/// an asset's supply (the mint escrow for deposit tokens, later the fund
/// vaults for shares). Implemented by compliant-assets, so every issue and
/// burn passes the same receiver checks, breaker, throttles and holder
/// bookkeeping as its own calls; `issuer` is the account recorded as the
/// agent and counted by the mint and burn throttles.
pub trait PermissionedSupply<AccountId, AssetId, Balance> {
	/// Whether `asset` is a permissioned asset.
	fn is_permissioned(asset: &AssetId) -> bool;
	/// Issues `amount` to `to` (receiver checks, breaker, mint throttle).
	fn issue(asset: &AssetId, to: &AccountId, amount: Balance, issuer: &AccountId) -> DispatchResult;
	/// Destroys `amount` of `from`'s spendable holding (breaker, burn throttle).
	fn destroy(asset: &AssetId, from: &AccountId, amount: Balance, issuer: &AccountId) -> DispatchResult;
	/// Takes back tokens that were never spendable (a deposit whose credit
	/// did not clear): no asset pause or burn throttle stands in the way, an
	/// address freeze still does (a frozen person's funds stay frozen).
	fn retract(asset: &AssetId, from: &AccountId, amount: Balance, issuer: &AccountId) -> DispatchResult;
	/// Gives back tokens the holder had (a redemption whose payout failed):
	/// no receiver rule, pause or throttle refuses a restoration, since it
	/// creates no new liability; the holder's standing still binds what it
	/// may then do with them.
	fn restore(asset: &AssetId, to: &AccountId, amount: Balance, issuer: &AccountId) -> DispatchResult;
	/// The asset's total supply.
	fn total_issuance(asset: &AssetId) -> Balance;
}

/// The deposit tokens of the mint escrow, as the pallets that move or freeze
/// them see them.
pub trait DepositTokens<AssetId, AccountId, Balance> {
	/// Whether the mint escrow alone issues and destroys `asset` (its supply
	/// agents' `mint` and `burn` are then refused).
	fn is_deposit_token(asset: &AssetId) -> bool;
	/// The provisional part of `who`'s holding of `asset`: minted for
	/// deposits that have not cleared, counted in the balance, not movable.
	fn uncleared(asset: &AssetId, who: &AccountId) -> Balance;
}

/// Amounts the payment rail holds in a sender's own account for its pending
/// payments (the escrow): counted in the balance and in the liability tree,
/// moved by nobody but the rail (release to the recipient, or the hold is
/// lifted on refund). The runtime's pallet-assets freezer adds them to the
/// frozen amount, so every debit path refuses them.
pub trait PaymentEscrow<AssetId, AccountId, Balance> {
	/// The part of `who`'s holding of `asset` escrowed for pending payments.
	fn escrowed(asset: &AssetId, who: &AccountId) -> Balance;
}

/// No payment rail (pallets tested without it).
impl<AssetId, AccountId, Balance: Default> PaymentEscrow<AssetId, AccountId, Balance> for () {
	fn escrowed(_asset: &AssetId, _who: &AccountId) -> Balance {
		Balance::default()
	}
}

/// No deposit tokens (pallets tested without the mint escrow).
impl<AssetId, AccountId, Balance: Default> DepositTokens<AssetId, AccountId, Balance> for () {
	fn is_deposit_token(_asset: &AssetId) -> bool {
		false
	}
	fn uncleared(_asset: &AssetId, _who: &AccountId) -> Balance {
		Balance::default()
	}
}

/// Prices of the NAV oracle, as the fund vaults and the payment rail see
/// them. A stale value is never served: a consumer gets a named refusal,
/// never the last value a feed had (an aggregator that keeps serving its
/// last value forever is how a fund deals at last week's price).
pub trait NavProvider {
	/// The feed's last accepted value if it is within the feed's maximum
	/// age now; otherwise why not.
	fn current(feed: FeedId) -> Result<PricePoint, NavRefusal>;
	/// Forward pricing: the first accepted value observed at or after `at`
	/// (Unix milliseconds), so that a price is struck after the order and
	/// nobody picks it.
	fn value_at(feed: FeedId, at: u64) -> Result<PricePoint, NavRefusal>;
	/// The last accepted value and when it was accepted on chain (Unix
	/// milliseconds), whatever its age: for reporting a NAV's age and for
	/// measuring how long a feed has been silent. Never a price to deal at.
	fn last_accepted(feed: FeedId) -> Option<(PricePoint, u64)>;
}

/// Holdings of permissioned assets as the fund vaults read them.
/// Implemented by compliant-assets.
pub trait AssetHoldings<AccountId, AssetId, Balance> {
	fn balance(asset: &AssetId, who: &AccountId) -> Balance;
	/// What an ordinary transfer could move now: the balance less every
	/// freeze, provisional deposit, payment escrow and redemption lock.
	fn spendable(asset: &AssetId, who: &AccountId) -> Balance;
	/// Decimals of the asset's smallest unit.
	fn decimals(asset: &AssetId) -> Option<u8>;
	/// The hash of the asset's ERC-1643 document `name` (a fund's KID).
	fn document_hash(asset: &AssetId, name: &[u8]) -> Option<[u8; 32]>;
}

/// Fund shares locked in their holder's account for a redemption request:
/// counted in the balance, movable by no one until the fund burns them or
/// the request is cancelled. The runtime's pallet-assets freezer adds them
/// to the frozen amount; compliant-assets names the refusal.
pub trait RedemptionLocks<AssetId, AccountId, Balance> {
	fn locked(asset: &AssetId, who: &AccountId) -> Balance;
}

/// No fund (pallets tested without the fund vaults).
impl<AssetId, AccountId, Balance: Default> RedemptionLocks<AssetId, AccountId, Balance> for () {
	fn locked(_asset: &AssetId, _who: &AccountId) -> Balance {
		Balance::default()
	}
}

/// Several funds: each reports the locks of its own share asset.
impl<AssetId, AccountId, Balance, A, B> RedemptionLocks<AssetId, AccountId, Balance> for (A, B)
where
	Balance: sp_runtime::Saturating,
	A: RedemptionLocks<AssetId, AccountId, Balance>,
	B: RedemptionLocks<AssetId, AccountId, Balance>,
{
	fn locked(asset: &AssetId, who: &AccountId) -> Balance {
		A::locked(asset, who).saturating_add(B::locked(asset, who))
	}
}

/// Told before any holding of a permissioned asset changes (issue, burn,
/// transfer of any kind), with the balance still the old one: a fund that
/// distributes yield per share settles the holder's accrual here.
///
/// The work is weighed by the observer, since only it knows what it did: a
/// movement declares [`Self::max_weight`] per party before it runs and is
/// charged what [`Self::before_change`] reports. Deciding that there is
/// nothing to do (the asset is no distributing fund's share) is not
/// reported: every benchmark of a holding change runs that decision.
pub trait OnHoldingChange<AssetId, AccountId> {
	/// Settles whatever `who`'s holding of `asset` owes before it changes;
	/// returns the weight of that work (zero when there was none).
	fn before_change(asset: &AssetId, who: &AccountId) -> Weight;
	/// The most one [`Self::before_change`] reports.
	fn max_weight() -> Weight;
}

impl<AssetId, AccountId> OnHoldingChange<AssetId, AccountId> for () {
	fn before_change(_asset: &AssetId, _who: &AccountId) -> Weight {
		Weight::zero()
	}
	fn max_weight() -> Weight {
		Weight::zero()
	}
}

/// Observers of disjoint sets of assets: each is told, at most one works on
/// any holding, so the most is the larger of theirs. The runtime's observers
/// are the fund vaults, each working on its own share class alone, and a
/// vault refuses a share class another fund has ([`FundShareClasses`]).
impl<AssetId, AccountId, A, B> OnHoldingChange<AssetId, AccountId> for (A, B)
where
	A: OnHoldingChange<AssetId, AccountId>,
	B: OnHoldingChange<AssetId, AccountId>,
{
	fn before_change(asset: &AssetId, who: &AccountId) -> Weight {
		A::before_change(asset, who).saturating_add(B::before_change(asset, who))
	}
	fn max_weight() -> Weight {
		A::max_weight().max(B::max_weight())
	}
}

/// The assets the runtime's funds are configured with, as another fund sees
/// them: a share class belongs to one fund alone and is no fund's cash, so
/// that one fund's books (accrual, locks, supply) never move with another's.
pub trait FundShareClasses<AssetId> {
	/// Whether `asset` is the share class of a configured fund.
	fn is_share_class(asset: &AssetId) -> bool;
	/// Whether a configured fund is paid in `asset`.
	fn is_payment_asset(asset: &AssetId) -> bool;
}

impl<AssetId> FundShareClasses<AssetId> for () {
	fn is_share_class(_asset: &AssetId) -> bool {
		false
	}
	fn is_payment_asset(_asset: &AssetId) -> bool {
		false
	}
}

impl<AssetId, A: FundShareClasses<AssetId>, B: FundShareClasses<AssetId>> FundShareClasses<AssetId> for (A, B) {
	fn is_share_class(asset: &AssetId) -> bool {
		A::is_share_class(asset) || B::is_share_class(asset)
	}
	fn is_payment_asset(asset: &AssetId) -> bool {
		A::is_payment_asset(asset) || B::is_payment_asset(asset)
	}
}

/// The fund a shareholder may switch into, as the fund it leaves sees it.
pub trait SwitchTarget<AccountId, AssetId, Balance> {
	/// The target's id (`None`: no target, or not configured).
	fn fund() -> Option<FundId>;
	/// What the target is paid in.
	fn payment_asset() -> Option<AssetId>;
	/// Where the switched cash goes.
	fn cash_account() -> Option<AccountId>;
	/// Subscribes `investor` for `amount` already moved to the target's cash
	/// account, under every rule of a subscription; returns the shares.
	fn subscribe_switched(investor: &AccountId, amount: Balance, from: FundId)
		-> Result<Balance, frame_support::pallet_prelude::DispatchError>;
}

/// No switch target.
impl<AccountId, AssetId, Balance> SwitchTarget<AccountId, AssetId, Balance> for () {
	fn fund() -> Option<FundId> {
		None
	}
	fn payment_asset() -> Option<AssetId> {
		None
	}
	fn cash_account() -> Option<AccountId> {
		None
	}
	fn subscribe_switched(_: &AccountId, _: Balance, _: FundId) -> Result<Balance, frame_support::pallet_prelude::DispatchError> {
		Err(frame_support::pallet_prelude::DispatchError::Other("no switch target"))
	}
}

/// The session machinery the validator set rotates (pallet-session in the
/// runtime). pallet-session charges its own rotation a whole block, which
/// leaves no room for one slot's transactions every session; the validator
/// set rotates it instead, weighed by a benchmark of the real rotation.
pub trait SessionRotation<AccountId, BlockNumber> {
	/// Whether a session ends at the start of block `now`.
	fn ends_at(now: BlockNumber) -> bool;
	/// Ends the session: the queued validators and keys take over and the
	/// next set is planned (the session manager's `new_session`).
	fn rotate();
	/// Gives `validators` session keys, for a benchmark's worst case (a
	/// rotation loads every validator's keys).
	#[cfg(feature = "runtime-benchmarks")]
	fn set_benchmark_keys(validators: &[AccountId]);
}
