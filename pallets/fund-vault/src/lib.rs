//! # Fund vault: a tokenized fund (one instance per fund)
//!
//! The bank's funds are instances of this pallet: a money-market fund
//! (TMMF: LVNAV, €1.0000, minimum €100, T+1) and a mutual fund (TMF:
//! variable NAV, minimum €500, T+2). Each is configured at genesis and by
//! governance ([`FundConfig`]): its **share asset** (a permissioned
//! compliant asset, so every share transfer obeys the ERC-3643 rules and
//! freezes; this pallet alone issues and destroys it), its **payment asset**
//! (the EUR deposit token), its **NAV feed** on the oracle, minimum
//! investment, eligible MiFID II categories, notice period, daily
//! redemption gate and the staleness limits. Its **cash account** is a
//! keyless account derived from the instance's pallet id: cash leaves it
//! only through this pallet's redemptions and switches.
//!
//! ## Subscriptions: delivery versus payment, at once
//!
//! [`Pallet::subscribe`]: a verified investor of an eligible category (who
//! acknowledged the current KID where the fund requires it) pays at least
//! the minimum in EUR deposit tokens; in the same transaction the tokens
//! move to the fund's cash account (a compliant transfer) and shares are
//! issued at the dealing price, **rounded down**. Both happen or neither.
//! The EUR tokens are kept, not burnt: the deposit token's 1:1 backing stays
//! exact (the bank's liability moved from the investor to the fund) and the
//! fund pays redemptions on chain from the same account.
//!
//! ## Redemptions: an asynchronous queue, priced forward (ERC-7540)
//!
//! [`Pallet::request_redeem`] locks the shares (a hold: they stay in the
//! investor's balance, nobody can move them) and sets the settlement date:
//! the start of the request's UTC day plus the notice period. Before it the
//! investor may [`Pallet::cancel_redeem`]. From it, [`Pallet::claim_redeem`]
//! (by the investor or anyone) burns the shares and pays EUR from the cash
//! account at the **first NAV struck at or after the settlement date**
//! (from the oracle's history), rounded down: nobody knows the price when
//! asking, so nobody can pick it. A request is paid once. If the cash
//! account cannot pay, the claim changes nothing but emits `CashShortfall`
//! for the fund manager, and the request stays claimable. States: pending
//! → claimable → claimed (the runtime API shows them).
//!
//! **Daily gate.** When a day's redemptions exceed the gate (a share of
//! the outstanding shares), each request of the day gets the same fraction
//! (the gate over the day's total, rounded down) and the rest is deferred to
//! the next day, priced at that day's NAV. The fraction is fixed when the
//! day begins, from totals that are final by then; deferred shares are
//! counted on the next day with an upper bound of their rounding, so the
//! gate is never exceeded whatever order the claims come in.
//!
//! ## Switch
//!
//! [`Pallet::switch_to`] (TMMF → TMF, the one configured direction):
//! redeems at this fund's NAV and subscribes to the target at its NAV in
//! one transaction, the cash moving between the funds' cash accounts, with
//! two events (`SwitchedOut` here, `Subscribed` with `switched_from` there).
//! The target's minimum and eligibility apply. 100 TMMF shares at €1.0000
//! into TMF at €1.05 give 95.238095 TMF shares (rounded down at 6 decimals).
//!
//! ## Stale NAV
//!
//! No dealing at a NAV older than the fund's dealing age (`NavStale`). With
//! no NAV accepted for `stale_freeze_ms` (48 h), every subscription and
//! redemption claim of the fund is refused (`DealingFrozen`) until a fresh
//! NAV arrives; the freeze is computed from the oracle, so it starts and
//! ends by itself, and each block announces a change (`DealingFrozen`,
//! `DealingResumed`).
//!
//! ## Yield
//!
//! A variable-NAV fund accrues its income in its NAV. An LVNAV money-market
//! fund deals at €1.0000 while its real NAV stays within the collar (±20
//! bp); outside it, it deals at the real NAV and says so (`CollarBreached`).
//! It distributes its daily income as new shares: the fund manager's
//! [`Pallet::distribute_yield`] raises a per-share index (new shares per
//! share held), each holding's accrual is settled whenever the holding
//! changes (compliant-assets tells the fund before any balance of its shares
//! moves) and a holder takes its shares with [`Pallet::claim_yield`] (pull):
//! no call loops over holders, whatever their number.
//!
//! ## Calls
//!
//! | call | origin | emits |
//! |---|---|---|
//! | [`Pallet::configure_fund`] | `AdminOrigin` (governance council) | `FundConfigured` |
//! | [`Pallet::acknowledge_kid`] | a verified investor | `KidAcknowledged` |
//! | [`Pallet::subscribe`] | a verified investor | `Subscribed` (and `CollarBreached` outside the collar) |
//! | [`Pallet::request_redeem`] | a shareholder | `RedemptionRequested` |
//! | [`Pallet::cancel_redeem`] | the request's investor | `RedemptionCancelled` |
//! | [`Pallet::claim_redeem`] | anyone, for any investor | `RedemptionClaimed` per day paid, `RedemptionDeferred`, `GateDayClosed`; or `CashShortfall` |
//! | [`Pallet::switch_to`] | a shareholder | `SwitchedOut` here and `Subscribed` in the target fund |
//! | [`Pallet::distribute_yield`] | `ManagerOrigin` (the fund manager) | `YieldDistributed` |
//! | [`Pallet::claim_yield`] | anyone, for any holder | `YieldClaimed` |
//!
//! compliant-assets emits `Transferred`, `Minted` and `Burned` for the
//! moves.
//!
//! ## Storage
//!
//! An investor has at most `MaxOpenRequests` open requests; at most
//! `MaxGateDays` days have requests due; a claim pays at most
//! `MaxClaimDays` deferred days at once (the rest at the next claim).
//!
//! ## Provides
//!
//! [`tokenize_primitives::RedemptionLocks`] (locked shares) for
//! compliant-assets and the runtime's pallet-assets freezer,
//! [`tokenize_primitives::OnHoldingChange`] (yield accrual) for
//! compliant-assets, [`tokenize_primitives::FundShareClasses`] (its share
//! class and cash) for the other funds, [`tokenize_primitives::SwitchTarget`]
//! for the fund that switches into this one.
//!
//! A share class belongs to one fund alone: `configure_fund` (and the
//! genesis) refuse a share class that is another fund's share class or cash,
//! and a payment asset that is another fund's share class
//! (`ShareClassOfAnotherFund`). Two vaults on one share class would each
//! lock, accrue and issue it on its own books; and since at most one fund
//! works on any holding, a holding change declares one fund's accrual, not
//! every fund's. Nor is a share class a deposit token
//! (`ShareClassIsDepositToken`): the mint escrow alone issues those, each
//! against an attested reserve, and a vault issuing one for a subscription
//! would create money no reserve backs (the mint escrow refuses a fund's
//! share class as a deposit token the other way round).

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod functions;
mod impls;
pub mod types;
pub mod weights;

#[cfg(feature = "runtime-benchmarks")]
mod benchmarking;
#[cfg(test)]
mod mock;
#[cfg(test)]
mod tests;

pub use types::*;
pub use weights::WeightInfo;

/// What the benchmarks need from the runtime.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, AssetId, Balance> {
	/// Makes the benchmarked fund's world exist and returns its
	/// configuration: its share and payment assets permissioned, a KID
	/// published for its shares, its cash account and its switch target's
	/// verified, the target configured (no minimum, no KID rule).
	fn funds() -> FundConfig<AssetId, Balance>;
	/// A verified retail investor holding `amount` of the payment asset.
	fn investor(who: &AccountId, payment_asset: &AssetId, amount: Balance);
	/// Sets the clock to `ms` and strikes a NAV on both funds' feeds there.
	fn strike_navs_at(ms: u64);
	/// The hash of the KID published for `share_asset`.
	fn kid(share_asset: &AssetId) -> [u8; 32];
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::{
		pallet_prelude::*,
		traits::{tokens::Balance as BalanceTrait, UnixTime},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::{traits::MaybeSerializeDeserialize, FixedU128, Perquintill};
	use tokenize_primitives::{
		AssetHoldings, Compliance, ComplianceTransfer, DepositTokens, FundId, FundShareClasses, NavProvider,
		PermissionedSupply, SwitchTarget,
	};

	/// A fund's configuration as stored.
	pub type FundConfigOf<T, I> = FundConfig<<T as Config<I>>::AssetId, <T as Config<I>>::Balance>;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T, I = ()>(_);

	#[pallet::config]
	pub trait Config<I: 'static = ()>: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self, I>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// Asset identifier, as compliant-assets knows it.
		type AssetId: Member + Parameter + Copy + MaxEncodedLen + Ord + MaybeSerializeDeserialize;
		/// Asset balance, as compliant-assets knows it.
		type Balance: BalanceTrait + Parameter + Member + MaybeSerializeDeserialize + MaxEncodedLen;
		/// The identity registry: investors' categories.
		type Compliance: Compliance<Self::AccountId>;
		/// compliant-assets: the payment asset's moves.
		type Assets: ComplianceTransfer<Self::AccountId, Self::AssetId, Self::Balance>;
		/// compliant-assets: issue and destruction of shares.
		type Supply: PermissionedSupply<Self::AccountId, Self::AssetId, Self::Balance>;
		/// compliant-assets: balances, decimals and documents.
		type Holdings: AssetHoldings<Self::AccountId, Self::AssetId, Self::Balance>;
		/// The NAV oracle.
		type Nav: NavProvider;
		/// The chain's clock (pallet-timestamp).
		type TimeProvider: UnixTime;
		/// This fund's id (what a switch names).
		#[pallet::constant]
		type FundId: Get<FundId>;
		/// The fund a shareholder may switch into (`()`: none).
		type SwitchTarget: SwitchTarget<Self::AccountId, Self::AssetId, Self::Balance>;
		/// The runtime's other funds: a share class is one fund's alone and no
		/// fund's cash ([`Error::ShareClassOfAnotherFund`]).
		type OtherFunds: FundShareClasses<Self::AssetId>;
		/// The mint escrow's deposit tokens: no share class is one
		/// ([`Error::ShareClassIsDepositToken`]).
		type DepositTokens: DepositTokens<Self::AssetId, Self::AccountId, Self::Balance>;
		/// Derives the fund's cash account.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// Configures the fund (the governance council).
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Distributes the yield (the fund manager).
		type ManagerOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Most open redemption requests per investor.
		#[pallet::constant]
		type MaxOpenRequests: Get<u32>;
		/// Most days with redemptions due at once.
		#[pallet::constant]
		type MaxGateDays: Get<u32>;
		/// Most days one claim pays (a request deferred by the gate for
		/// longer is paid by further claims).
		#[pallet::constant]
		type MaxClaimDays: Get<u32>;
		/// Weights from this pallet's benchmarks.
		type WeightInfo: WeightInfo;
		/// Sets up assets, investors and NAVs for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::AssetId, Self::Balance>;
	}

	/// The fund's configuration (`None`: the fund does not deal).
	#[pallet::storage]
	pub type Fund<T: Config<I>, I: 'static = ()> = StorageValue<_, FundConfigOf<T, I>, OptionQuery>;

	/// The KID hash each investor acknowledged.
	#[pallet::storage]
	pub type KidAcknowledgements<T: Config<I>, I: 'static = ()> =
		StorageMap<_, Blake2_128Concat, T::AccountId, [u8; 32], OptionQuery>;

	/// Open redemption requests, by investor and id.
	#[pallet::storage]
	pub type Redemptions<T: Config<I>, I: 'static = ()> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		Twox64Concat,
		RequestId,
		RedemptionRequest<T::Balance>,
		OptionQuery,
	>;

	/// The id of the next request.
	#[pallet::storage]
	pub type NextRequestId<T: Config<I>, I: 'static = ()> = StorageValue<_, RequestId, ValueQuery>;

	/// Per investor, its open requests (at most `MaxOpenRequests`).
	#[pallet::storage]
	pub type OpenRequests<T: Config<I>, I: 'static = ()> =
		StorageMap<_, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// Per investor, the shares its open requests lock.
	#[pallet::storage]
	pub type Locked<T: Config<I>, I: 'static = ()> =
		StorageMap<_, Blake2_128Concat, T::AccountId, T::Balance, ValueQuery>;

	/// The redemptions due per day, and the gate's fraction once the day
	/// closed.
	#[pallet::storage]
	pub type GateDays<T: Config<I>, I: 'static = ()> =
		StorageMap<_, Twox64Concat, Day, GateDay<T::Balance>, OptionQuery>;

	/// Days with redemptions due that have not closed yet, ascending.
	#[pallet::storage]
	pub type OpenGateDays<T: Config<I>, I: 'static = ()> =
		StorageValue<_, BoundedVec<Day, T::MaxGateDays>, ValueQuery>;

	/// New shares distributed per share held, since the fund began (LVNAV).
	#[pallet::storage]
	pub type YieldIndex<T: Config<I>, I: 'static = ()> = StorageValue<_, FixedU128, ValueQuery>;

	/// Per holder, the index its accrual was last settled at and the shares
	/// accrued and not claimed.
	#[pallet::storage]
	pub type YieldCheckpoints<T: Config<I>, I: 'static = ()> =
		StorageMap<_, Blake2_128Concat, T::AccountId, (FixedU128, T::Balance), OptionQuery>;

	/// Distributed shares not yet claimed (they count as outstanding).
	#[pallet::storage]
	pub type UnclaimedYield<T: Config<I>, I: 'static = ()> = StorageValue<_, T::Balance, ValueQuery>;

	/// The last day the manager distributed yield.
	#[pallet::storage]
	pub type LastDistribution<T: Config<I>, I: 'static = ()> = StorageValue<_, Day, OptionQuery>;

	/// Whether dealing was frozen (stale NAV) when the last block began: what
	/// the freeze and resume events compare against.
	#[pallet::storage]
	pub type DealingFrozenAnnounced<T: Config<I>, I: 'static = ()> = StorageValue<_, bool, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config<I>, I: 'static = ()> {
		/// The fund's configuration.
		pub fund: Option<FundConfigOf<T, I>>,
	}

	#[pallet::genesis_build]
	impl<T: Config<I>, I: 'static> BuildGenesisConfig for GenesisConfig<T, I> {
		fn build(&self) {
			if let Some(config) = &self.fund {
				// A chain spec with a malformed fund must not start.
				#[allow(clippy::panic)]
				if let Err(error) = Pallet::<T, I>::ensure_valid_config(config) {
					core::panic!("fund-vault genesis: {error:?}");
				}
				Fund::<T, I>::put(config);
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config<I>, I: 'static = ()> {
		/// Governance configured the fund.
		FundConfigured { config: FundConfigOf<T, I> },
		/// The investor acknowledged the fund's current KID.
		KidAcknowledged { investor: T::AccountId, kid_hash: [u8; 32] },
		/// `amount` of the payment asset went to the cash account and
		/// `shares` were issued at `price`; `switched_from` names the fund a
		/// switch came from.
		Subscribed {
			investor: T::AccountId,
			amount: T::Balance,
			shares: T::Balance,
			price: FixedU128,
			switched_from: Option<FundId>,
		},
		/// `shares` are locked until they settle on `settles_at` (Unix ms).
		RedemptionRequested { request: RequestId, investor: T::AccountId, shares: T::Balance, settles_at: u64 },
		/// The request was withdrawn before its settlement date; the shares
		/// are unlocked.
		RedemptionCancelled { request: RequestId, investor: T::AccountId, shares: T::Balance },
		/// `shares` of the request were burnt and `amount` paid at `price`,
		/// the first NAV struck on or after `day`.
		RedemptionClaimed {
			request: RequestId,
			investor: T::AccountId,
			shares: T::Balance,
			amount: T::Balance,
			price: FixedU128,
			day: Day,
		},
		/// The gate deferred `shares` of the request to `day`.
		RedemptionDeferred { request: RequestId, investor: T::AccountId, shares: T::Balance, day: Day },
		/// The cash account cannot pay the claim: nothing moved, the request
		/// stays claimable (for the fund manager).
		CashShortfall { request: RequestId, needed: T::Balance, available: T::Balance },
		/// The day began: each of its requests pays `released` of its shares.
		GateDayClosed { day: Day, requested: T::Balance, capacity: T::Balance, released: Perquintill },
		/// `shares` were redeemed at `price` for `amount`, which subscribed to
		/// `to_fund`.
		SwitchedOut {
			investor: T::AccountId,
			shares: T::Balance,
			amount: T::Balance,
			price: FixedU128,
			to_fund: FundId,
		},
		/// The NAV left the LVNAV collar: the fund deals at `nav`.
		CollarBreached { nav: FixedU128 },
		/// The manager distributed `shares` of the day's income; the index
		/// rose to `index` new shares per share.
		YieldDistributed { day: Day, shares: T::Balance, index: FixedU128 },
		/// The holder took its distributed shares.
		YieldClaimed { holder: T::AccountId, shares: T::Balance },
		/// No NAV was accepted for the freeze period: no subscription, no
		/// claim.
		DealingFrozen,
		/// A fresh NAV arrived: dealing resumed.
		DealingResumed,
	}

	#[pallet::error]
	pub enum Error<T, I = ()> {
		/// The fund is not configured.
		FundNotConfigured,
		/// An unusable configuration (assets, gate, ages, categories).
		InvalidConfig,
		/// The share class is another fund's share class or cash, or the
		/// payment asset is another fund's share class.
		ShareClassOfAnotherFund,
		/// The share class is a deposit token, which the mint escrow alone
		/// issues against attested reserves.
		ShareClassIsDepositToken,
		/// The investor has no identity the fund can read a category from.
		NotRegistered,
		/// The investor's MiFID II category may not invest in the fund.
		CategoryNotEligible,
		/// The fund publishes no KID (ERC-1643 document "KID").
		NoKidPublished,
		/// The hash is not the fund's current KID.
		NotCurrentKid,
		/// The investor has not acknowledged the current KID.
		KidNotAcknowledged,
		/// Less than the fund's minimum investment.
		BelowMinimumInvestment,
		/// The amount buys no share (or pays no cent).
		AmountTooSmall,
		/// The NAV is older than the fund deals at.
		NavStale,
		/// The fund's feed has no NAV.
		NoNav,
		/// The fund's feed does not exist.
		UnknownNavFeed,
		/// No NAV was struck on or after the settlement date yet.
		NavNotYetStruck,
		/// The settlement's NAV dropped out of the oracle's history.
		NavBeyondHistory,
		/// No NAV for the freeze period: the fund does not deal.
		DealingFrozen,
		/// More shares than the investor's spendable (unlocked, unfrozen)
		/// shares.
		InsufficientShares,
		/// Zero shares.
		ZeroShares,
		/// The investor has `MaxOpenRequests` open requests.
		TooManyOpenRequests,
		/// Too many days have redemptions due.
		TooManyGateDays,
		/// No such request.
		UnknownRequest,
		/// The request was claimed or cancelled already.
		RequestClosed,
		/// The settlement date has not come.
		NotYetSettled,
		/// The settlement date came: the request can no longer be cancelled.
		SettlementDateReached,
		/// The fund may not be switched into that fund.
		NotSwitchTarget,
		/// The two funds are paid in different assets.
		PaymentAssetMismatch,
		/// The cash account cannot pay the switch.
		InsufficientFundCash,
		/// The fund does not distribute yield (not an LVNAV fund).
		NotDistributing,
		/// Yield was distributed today already.
		AlreadyDistributedToday,
		/// Nothing to distribute to, or nothing to claim.
		NothingToClaim,
		/// A day of the gate is not closed yet (many days deferred at once:
		/// claim again).
		GateBacklog,
		/// An amount beyond what the arithmetic holds.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config<I>, I: 'static> Hooks<BlockNumberFor<T>> for Pallet<T, I> {
		/// Announces a change of the stale-NAV freeze, and closes the gate's
		/// due days: two reads when nothing changes.
		fn on_initialize(_n: BlockNumberFor<T>) -> Weight {
			Self::announce_dealing_state();
			let closed = Self::close_due_days(Self::today());
			T::WeightInfo::on_initialize(closed)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}

	#[pallet::call]
	impl<T: Config<I>, I: 'static> Pallet<T, I> {
		/// Sets the fund's configuration. Emits `FundConfigured`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::configure_fund())]
		pub fn configure_fund(origin: OriginFor<T>, config: FundConfigOf<T, I>) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_configure_fund(config)
		}

		/// Records that the caller read the fund's current KID (`kid_hash`
		/// must be its hash). Emits `KidAcknowledged`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::acknowledge_kid())]
		pub fn acknowledge_kid(origin: OriginFor<T>, kid_hash: [u8; 32]) -> DispatchResult {
			let investor = ensure_signed(origin)?;
			Self::do_acknowledge_kid(investor, kid_hash)
		}

		/// Buys shares with `amount` of the payment asset, at the dealing
		/// price, shares rounded down. Emits `Subscribed`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::subscribe())]
		pub fn subscribe(origin: OriginFor<T>, amount: T::Balance) -> DispatchResult {
			let investor = ensure_signed(origin)?;
			Self::do_subscribe(investor, amount, None).map(|_| ())
		}

		/// Locks `shares` for redemption at the settlement date. Emits
		/// `RedemptionRequested`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::request_redeem())]
		pub fn request_redeem(origin: OriginFor<T>, shares: T::Balance) -> DispatchResult {
			let investor = ensure_signed(origin)?;
			Self::do_request_redeem(investor, shares)
		}

		/// Withdraws the caller's request before its settlement date. Emits
		/// `RedemptionCancelled`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::cancel_redeem())]
		pub fn cancel_redeem(origin: OriginFor<T>, request: RequestId) -> DispatchResult {
			let investor = ensure_signed(origin)?;
			Self::do_cancel_redeem(investor, request)
		}

		/// Pays `investor`'s request at the first NAV struck on or after its
		/// settlement date (each day the gate deferred it to, up to
		/// `MaxClaimDays`). Anyone may claim for the investor. Emits
		/// `RedemptionClaimed` per day paid (and `RedemptionDeferred`), or
		/// `CashShortfall` when the cash account cannot pay.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::claim_redeem(T::MaxClaimDays::get()))]
		pub fn claim_redeem(
			origin: OriginFor<T>,
			investor: T::AccountId,
			request: RequestId,
		) -> DispatchResultWithPostInfo {
			ensure_signed(origin)?;
			let days = Self::do_claim_redeem(investor, request)?;
			Ok(Some(T::WeightInfo::claim_redeem(days)).into())
		}

		/// Redeems `shares` here and subscribes the proceeds to `target` in
		/// one transaction. Emits `SwitchedOut` and the target's `Subscribed`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::switch_to())]
		pub fn switch_to(origin: OriginFor<T>, target: FundId, shares: T::Balance) -> DispatchResult {
			let investor = ensure_signed(origin)?;
			Self::do_switch_to(investor, target, shares)
		}

		/// Distributes `shares` new shares (the day's income at €1.0000) to
		/// every holder pro rata, once a day. Emits `YieldDistributed`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::distribute_yield())]
		pub fn distribute_yield(origin: OriginFor<T>, shares: T::Balance) -> DispatchResult {
			T::ManagerOrigin::ensure_origin(origin)?;
			Self::do_distribute_yield(shares)
		}

		/// Issues `holder`'s accrued distributed shares. Anyone may claim for
		/// a holder. Emits `YieldClaimed`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::claim_yield())]
		pub fn claim_yield(origin: OriginFor<T>, holder: T::AccountId) -> DispatchResult {
			ensure_signed(origin)?;
			Self::do_claim_yield(holder)
		}
	}
}
