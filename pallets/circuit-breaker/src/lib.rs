//! # Circuit breaker
//!
//! The emergency stops of the Tokenize chain, in three levels from the
//! bluntest to the finest. Each level answers to the role a bank consortium would hand
//! that power to, and every stop records who pulled it, at which block and
//! why (the reason is free text such as an incident number or a supervisory
//! notice), so that an auditor can replay every intervention from the events.
//!
//! 1. **Global pause** — the governance council halts the whole chain (a
//!    suspected exploit, a failed upgrade). The runtime's base call filter
//!    refuses every call outside this pallet while [`Pallet::is_globally_paused`]
//!    holds. Lifting is *time-locked*: the council schedules the lift and the
//!    chain runs again [`Config::ResumeDelay`] blocks later, giving members and
//!    supervisors time to object (the council may cancel the lift meanwhile).
//!    The pause ends exactly at the scheduled block: from `resume_at` on
//!    [`Pallet::is_globally_paused`] reads false even before the block hook
//!    has cleared the record and emitted `GlobalPauseLifted`.
//! 2. **Asset pause** — compliance and the depositary together (a 2-of-3
//!    multisig) stop every movement of one asset, e.g. while reserves are
//!    reconciled.
//! 3. **Function throttle** — governance limits, per operation kind
//!    ([`tokenize_primitives::OperationKind`]: transfers, mints, burns,
//!    payments, redemptions) and per asset, how much may pass per window of
//!    blocks, in two scopes (see [`ThrottleConfig`]): *per account* (at most
//!    `account_max_operations` operations and `account_max_amount` moved per
//!    window: the operation beyond is refused with
//!    `BreakerRefusal::AccountLimitReached`, for that account only) and *per
//!    asset* (the operations of all accounts: the one that brings the
//!    window's sum to `max_amount` still passes and *trips* the throttle —
//!    a refused operation is rolled back with its transaction, so it could
//!    not record a trip — after which every operation of the kind on the
//!    asset is refused, `BreakerRefusal::Throttled`, until `tripped_until =
//!    trip block + cooldown`; the block hook then announces
//!    `ThrottleResumed` once). `max_amount` must exceed
//!    `account_max_amount`, so no single account — however many tiny
//!    operations it sends — can stop an asset for everyone; a trip takes
//!    several accounts moving real value. Pallets that move value report
//!    each operation, with the account that initiated it, through
//!    [`tokenize_primitives::Breaker::note_operation`].
//!
//! An *address freeze* is not a breaker level: it is an order against a
//! person and lives in the freeze pallet, with the order's legal reason and
//! case reference (one address freeze, one meaning).
//!
//! The block hook only ever looks at the global pause and a list bounded by
//! `MaxThrottles`, so its cost is bounded.
//!
//! ## Calls
//!
//! Every call of this pallet must stay callable during a global pause (the
//! runtime's call filter lets the whole pallet through), otherwise nobody
//! could schedule the lift.
//!
//! | call | origin | emits |
//! |---|---|---|
//! | [`Pallet::pause_global`] | `GlobalPauseOrigin` (governance council) | `GlobalPaused` (after `GlobalPauseLifted` when a lapsed pause was still on record) |
//! | [`Pallet::schedule_global_resume`] | `GlobalPauseOrigin` | `GlobalResumeScheduled` |
//! | [`Pallet::cancel_global_resume`] | `GlobalPauseOrigin` | `GlobalResumeCancelled` |
//! | [`Pallet::pause_asset`] | `AssetPauseOrigin` (compliance + depositary) | `AssetPaused` |
//! | [`Pallet::resume_asset`] | `AssetPauseOrigin` | `AssetResumed` |
//! | [`Pallet::set_throttle`] | `ThrottleOrigin` (governance council) | `ThrottleSet` |
//! | [`Pallet::remove_throttle`] | `ThrottleOrigin` | `ThrottleRemoved` |
//! | [`Pallet::reset_throttle`] | `ThrottleOrigin` | `ThrottleReset` |
//! | block hook | — | `GlobalPauseLifted`, `ThrottleResumed` |
//! | `Breaker::note_operation` | — (called by pallets) | `ThrottleTripped`, `ThrottleResumed` |
//!
//! ## Provides
//!
//! - [`tokenize_primitives::Breaker`]: `ensure_open(asset)`,
//!   `note_operation(kind, asset, who, amount)`,
//!   `check_operation(kind, asset, who, amount)`.
//! - For the runtime's call filter and transaction validation:
//!   [`Pallet::is_globally_paused`], [`Pallet::is_asset_paused`].
//! - For a runtime API: [`Pallet::breaker_status`], [`Pallet::asset_paused`],
//!   [`Pallet::throttle_status`].

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod functions;
mod impls;
pub mod migrations;
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

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{AtLeast32BitUnsigned, MaybeSerializeDeserialize, Zero};
	use tokenize_primitives::OperationKind;

	/// Free-text reason of a stop, bounded by [`Config::MaxReasonLen`].
	pub type ReasonOf<T> = BoundedVec<u8, <T as Config>::MaxReasonLen>;
	/// A stop as stored: the acting role account, the block and the reason.
	pub type StopRecordOf<T> =
		StopRecord<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, ReasonOf<T>>;
	/// The global pause as stored.
	pub type GlobalPauseOf<T> =
		GlobalPause<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, ReasonOf<T>>;
	pub type ThrottleConfigOf<T> = ThrottleConfig<BlockNumberFor<T>, <T as Config>::Balance>;
	pub type ThrottleStateOf<T> = ThrottleState<BlockNumberFor<T>, <T as Config>::Balance>;
	pub type ThrottleRecordOf<T> = ThrottleRecord<BlockNumberFor<T>, <T as Config>::Balance>;
	pub type AccountWindowOf<T> = AccountWindow<BlockNumberFor<T>, <T as Config>::Balance>;
	/// What a throttle watches: one operation kind on one asset.
	pub type ThrottleKeyOf<T> = (OperationKind, <T as Config>::AssetId);
	/// A stop as the runtime API reports it.
	pub type StopViewOf<T> =
		StopRecord<<T as frame_system::Config>::AccountId, BlockNumberFor<T>, Vec<u8>>;
	pub type BreakerStatusOf<T> = BreakerStatus<
		<T as frame_system::Config>::AccountId,
		<T as Config>::AssetId,
		BlockNumberFor<T>,
		<T as Config>::Balance,
	>;
	pub type ThrottleStatusOf<T> =
		ThrottleStatus<<T as Config>::AssetId, BlockNumberFor<T>, <T as Config>::Balance>;

	/// The layout of this pallet's storage; bumped with a migration when it changes.
	/// Version 2: address freezes moved to the freeze pallet; throttles keyed
	/// by operation kind and asset, with per-account windows
	/// ([`crate::migrations::MigrateToV2`]).
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(2);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// Identifies an asset that can be paused or throttled (the runtime's
		/// pallet-assets id; serde for throttles in the genesis config).
		type AssetId: Parameter + Copy + MaxEncodedLen + MaybeSerializeDeserialize;
		/// Amounts counted against a throttle's `max_amount` (serde for
		/// throttles in the genesis config).
		type Balance: AtLeast32BitUnsigned
			+ Copy
			+ MaxEncodedLen
			+ Parameter
			+ Default
			+ MaybeSerializeDeserialize;
		/// Level 1: pauses the chain and schedules or cancels the lift
		/// (the governance council).
		type GlobalPauseOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Level 2: pauses and resumes an asset (compliance + depositary).
		type AssetPauseOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Level 3: configures, removes and resets throttles (the governance council).
		type ThrottleOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Blocks between scheduling the lift of a global pause and the chain
		/// running again; non-zero.
		#[pallet::constant]
		type ResumeDelay: Get<BlockNumberFor<Self>>;
		/// Longest reason, in bytes, a stop may carry.
		#[pallet::constant]
		type MaxReasonLen: Get<u32>;
		/// Most throttles in force at once (bounds the block hook's list).
		#[pallet::constant]
		type MaxThrottles: Get<u32>;
		/// Weights from this pallet's benchmarks.
		/// The funds whose dealing is frozen by themselves (no fresh NAV for
		/// their freeze period), reported with the breaker's status.
		type FrozenFunds: Get<alloc::vec::Vec<tokenize_primitives::FundId>>;
		type WeightInfo: WeightInfo;
	}

	/// Level 1: the global pause, while on record.
	#[pallet::storage]
	pub type GlobalPauseState<T: Config> = StorageValue<_, GlobalPauseOf<T>, OptionQuery>;

	/// Level 2: paused assets.
	#[pallet::storage]
	pub type PausedAssets<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AssetId, StopRecordOf<T>, OptionQuery>;

	/// Level 3: the limits of each throttled operation kind on an asset.
	#[pallet::storage]
	pub type Throttles<T: Config> =
		CountedStorageMap<_, Blake2_128Concat, ThrottleKeyOf<T>, ThrottleRecordOf<T>, OptionQuery>;

	/// Level 3: the asset-wide counters of each throttle.
	#[pallet::storage]
	pub type ThrottleStates<T: Config> =
		StorageMap<_, Blake2_128Concat, ThrottleKeyOf<T>, ThrottleStateOf<T>, OptionQuery>;

	/// Level 3: each account's window on a throttle. One entry per account
	/// that operated under the throttle, overwritten by its own later
	/// operations (which its transaction budget bounds); an entry of an older
	/// generation counts as empty.
	#[pallet::storage]
	pub type AccountWindows<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		ThrottleKeyOf<T>,
		Blake2_128Concat,
		T::AccountId,
		AccountWindowOf<T>,
		OptionQuery,
	>;

	/// The generation the next set or reset throttle starts.
	#[pallet::storage]
	pub type NextThrottleGeneration<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// Tripped throttles and the block each resumes at, so the block hook
	/// reads one small item instead of every throttle.
	#[pallet::storage]
	pub type TrippedThrottles<T: Config> =
		StorageValue<_, BoundedVec<(ThrottleKeyOf<T>, BlockNumberFor<T>), T::MaxThrottles>, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Throttles in force from genesis: operation kind, asset, limits.
		pub throttles: Vec<(OperationKind, T::AssetId, ThrottleConfigOf<T>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (kind, asset, config) in &self.throttles {
				if let Err(e) = Pallet::<T>::install_throttle((*kind, *asset), *config) {
					// A bad chain spec must stop the node with the reason, not
					// start a chain whose throttle can never trip.
					let reason: &'static str = e.into();
					#[allow(clippy::panic)]
					{
						core::panic!("circuit-breaker genesis: throttle for {kind:?}: {reason}");
					}
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The whole chain is paused.
		GlobalPaused { by: T::AccountId, reason: ReasonOf<T> },
		/// The global pause will lift at `resume_at`.
		GlobalResumeScheduled { by: T::AccountId, resume_at: BlockNumberFor<T> },
		/// The scheduled lift was called off; the pause holds until scheduled again.
		GlobalResumeCancelled { by: T::AccountId, resume_at: BlockNumberFor<T> },
		/// The global pause that began at `paused_at` ended at `resume_at`.
		GlobalPauseLifted { paused_at: BlockNumberFor<T>, resume_at: BlockNumberFor<T> },
		/// Every movement of `asset` is stopped.
		AssetPaused { asset: T::AssetId, by: T::AccountId, reason: ReasonOf<T> },
		/// `asset` moves again.
		AssetResumed { asset: T::AssetId, by: T::AccountId },
		/// Limits of `kind` on `asset` set or replaced; counters and a running
		/// trip carry on.
		ThrottleSet { kind: OperationKind, asset: T::AssetId, config: ThrottleConfigOf<T>, by: T::AccountId },
		/// `kind` on `asset` is no longer throttled.
		ThrottleRemoved { kind: OperationKind, asset: T::AssetId, by: T::AccountId },
		/// Counters of `kind` on `asset` (asset-wide and every account's)
		/// cleared and any trip released by governance.
		ThrottleReset { kind: OperationKind, asset: T::AssetId, by: T::AccountId },
		/// The accounts together reached `max_amount` of `kind` on `asset`:
		/// refused until `until`.
		ThrottleTripped {
			kind: OperationKind,
			asset: T::AssetId,
			until: BlockNumberFor<T>,
			operations: u32,
			amount: T::Balance,
		},
		/// The cooldown ended; operations pass again in a fresh window.
		ThrottleResumed { kind: OperationKind, asset: T::AssetId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The chain is already paused.
		AlreadyPaused,
		/// The chain is not paused.
		NotPaused,
		/// A lift of the global pause is already scheduled.
		ResumeAlreadyScheduled,
		/// No lift of the global pause is scheduled.
		NoResumeScheduled,
		/// The asset is already paused.
		AssetAlreadyPaused,
		/// The asset is not paused.
		AssetNotPaused,
		/// A throttle needs a non-zero window, a non-zero cooldown and at least
		/// one threshold, each non-zero, and an asset-wide `max_amount` above a
		/// set `account_max_amount`.
		InvalidThrottle,
		/// The operation kind has no throttle on the asset.
		NoThrottle,
		/// `MaxThrottles` throttles are already in force.
		TooManyThrottles,
		/// The reason is longer than `MaxReasonLen`.
		ReasonTooLong,
		/// A stop must say why.
		EmptyReason,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Lifts a global pause whose resume block has come and announces
		/// throttles whose cooldown ended. Bounded: one pause, at most
		/// `MaxThrottles` entries.
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			Self::release_due_stops(now)
		}

		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state().map_err(Into::into)
		}

		fn integrity_test() {
			assert!(!T::ResumeDelay::get().is_zero(), "a zero ResumeDelay defeats the time lock");
			assert!(T::MaxReasonLen::get() > 0, "MaxReasonLen must leave room for a reason");
			assert!(T::MaxThrottles::get() > 0, "MaxThrottles must leave room for a throttle");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Pause the whole chain.
		///
		/// Origin: `GlobalPauseOrigin`. Emits `GlobalPaused` (preceded by
		/// `GlobalPauseLifted` if a pause whose resume block has passed was
		/// still on record).
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::pause_global())]
		pub fn pause_global(origin: OriginFor<T>, reason: Vec<u8>) -> DispatchResult {
			let by = T::GlobalPauseOrigin::ensure_origin(origin)?;
			Self::do_pause_global(by, reason)
		}

		/// Schedule the lift of the global pause `ResumeDelay` blocks from now.
		///
		/// Origin: `GlobalPauseOrigin`. Emits `GlobalResumeScheduled`; the
		/// block hook emits `GlobalPauseLifted` when the block comes.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::schedule_global_resume())]
		pub fn schedule_global_resume(origin: OriginFor<T>) -> DispatchResult {
			let by = T::GlobalPauseOrigin::ensure_origin(origin)?;
			Self::do_schedule_global_resume(by)
		}

		/// Call off the scheduled lift; the chain stays paused.
		///
		/// Origin: `GlobalPauseOrigin`. Emits `GlobalResumeCancelled`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::cancel_global_resume())]
		pub fn cancel_global_resume(origin: OriginFor<T>) -> DispatchResult {
			let by = T::GlobalPauseOrigin::ensure_origin(origin)?;
			Self::do_cancel_global_resume(by)
		}

		/// Stop every movement of `asset`.
		///
		/// Origin: `AssetPauseOrigin`. Emits `AssetPaused`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::pause_asset())]
		pub fn pause_asset(origin: OriginFor<T>, asset: T::AssetId, reason: Vec<u8>) -> DispatchResult {
			let by = T::AssetPauseOrigin::ensure_origin(origin)?;
			Self::do_pause_asset(by, asset, reason)
		}

		/// Let `asset` move again.
		///
		/// Origin: `AssetPauseOrigin`. Emits `AssetResumed`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::resume_asset())]
		pub fn resume_asset(origin: OriginFor<T>, asset: T::AssetId) -> DispatchResult {
			let by = T::AssetPauseOrigin::ensure_origin(origin)?;
			Self::do_resume_asset(by, asset)
		}

		/// Set or replace the limits of `kind` on `asset`. Counters and a
		/// running trip carry on, so tightening a limit takes effect at once
		/// and loosening one does not release a trip (use `reset_throttle`).
		///
		/// Origin: `ThrottleOrigin`. Emits `ThrottleSet`.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::set_throttle())]
		pub fn set_throttle(
			origin: OriginFor<T>,
			kind: OperationKind,
			asset: T::AssetId,
			config: ThrottleConfigOf<T>,
		) -> DispatchResult {
			let by = T::ThrottleOrigin::ensure_origin(origin)?;
			Self::do_set_throttle(by, (kind, asset), config)
		}

		/// Stop throttling `kind` on `asset`; its counters and any trip are
		/// dropped.
		///
		/// Origin: `ThrottleOrigin`. Emits `ThrottleRemoved`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::remove_throttle())]
		pub fn remove_throttle(origin: OriginFor<T>, kind: OperationKind, asset: T::AssetId) -> DispatchResult {
			let by = T::ThrottleOrigin::ensure_origin(origin)?;
			Self::do_remove_throttle(by, (kind, asset))
		}

		/// Clear the counters of `kind` on `asset` (asset-wide and every
		/// account's) and release a trip before its cooldown ends (after the
		/// cause was investigated).
		///
		/// Origin: `ThrottleOrigin`. Emits `ThrottleReset`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::reset_throttle())]
		pub fn reset_throttle(origin: OriginFor<T>, kind: OperationKind, asset: T::AssetId) -> DispatchResult {
			let by = T::ThrottleOrigin::ensure_origin(origin)?;
			Self::do_reset_throttle(by, (kind, asset))
		}
	}
}
