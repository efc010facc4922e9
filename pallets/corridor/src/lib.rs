//! # Payment corridors
//!
//! The consortium's cross-border payment rail does not let any bank pay any
//! other in any amount: a payment travels along a *corridor* from the payer's
//! jurisdiction to the payee's (ISO 3166-1 alpha-2, e.g. `DE → US`). Each
//! corridor is directional — `DE → US` and `US → DE` are separate decisions
//! with their own limits — and domestic corridors (`DE → DE`) are legitimate.
//! A corridor carries:
//!
//! - **active** — governance opens and closes it;
//! - **blocked** (with a reason) — the compliance officer's emergency brake,
//!   independent of `active`, so neither role can undo the other's decision;
//! - **minimum and maximum per payment** — the floor discourages structuring a
//!   large transfer into dust, the ceiling caps a single mistake or fraud;
//! - **daily limit** — the most the corridor may move in one UTC day, summed
//!   over all payments (the consortium's exposure to that route);
//! - **settlement assets** — the tokens a payment on it may settle in.
//!
//! Daily volume is kept in one `(day, volume)` slot per corridor, where `day`
//! is Unix seconds / 86 400 from the wall clock. The first payment of a new day
//! restarts the slot, so storage does not grow with time and no sweep is needed.
//!
//! Blocking a whole *jurisdiction* (sanctions, FATF listing) is the identity
//! registry's decision, read through [`tokenize_primitives::Compliance`]: it
//! stops every corridor touching that jurisdiction at once, without touching
//! corridor storage, and lifting it restores them as they were.
//!
//! ## Calls
//!
//! | call | origin | emits |
//! |---|---|---|
//! | [`Pallet::add_corridor`] | governance council | `CorridorAdded` |
//! | [`Pallet::update_corridor`] | governance council | `CorridorUpdated` |
//! | [`Pallet::set_corridor_active`] | governance council | `CorridorActivated` / `CorridorDeactivated` |
//! | [`Pallet::block_corridor`] | compliance officer | `CorridorBlocked` |
//! | [`Pallet::unblock_corridor`] | compliance officer | `CorridorUnblocked` |
//! | [`Pallet::remove_corridor`] | governance council | `CorridorRemoved` |
//!
//! ## Provides
//!
//! [`tokenize_primitives::CorridorValidator`] for the payment pallet:
//! `validate` answers whether a payment may use its corridor today, `record`
//! also counts it against the day's volume. [`Pallet::corridor_status`] backs
//! the corridor-status runtime API.

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

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::AtLeast32BitUnsigned;
	use tokenize_primitives::Jurisdiction;

	/// The layout of this pallet's storage; bumped with a migration when it changes.
	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// Identifier of a settlement asset (pallet-assets' asset id).
		type AssetId: Parameter + Copy + MaxEncodedLen + Ord + sp_runtime::traits::MaybeSerializeDeserialize;
		/// Amounts of a settlement asset.
		type Balance: AtLeast32BitUnsigned
			+ Copy
			+ MaxEncodedLen
			+ Parameter
			+ Default
			+ sp_runtime::traits::MaybeSerializeDeserialize;
		/// The identity registry: each party's jurisdiction and the consortium's
		/// blocked jurisdictions.
		type Compliance: tokenize_primitives::Compliance<Self::AccountId>;
		/// Adds, changes, opens, closes and removes corridors (governance council).
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Blocks and unblocks corridors (compliance officer: one key, so that it
		/// can react within a block).
		type BlockOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Wall-clock time; the UTC day is `now / 86 400`.
		type TimeProvider: UnixTime;
		/// Most settlement assets one corridor may accept.
		#[pallet::constant]
		type MaxSettlementAssets: Get<u32>;
		/// Longest block reason, in bytes.
		#[pallet::constant]
		type MaxReasonLen: Get<u32>;
		/// Weights from this pallet's benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// A stored corridor of this runtime.
	pub type CorridorOf<T> = StoredCorridor<
		<T as Config>::AssetId,
		<T as Config>::Balance,
		<T as Config>::MaxSettlementAssets,
		<T as Config>::MaxReasonLen,
	>;

	/// Corridor limits as stored.
	pub type ParamsOf<T> = BoundedParams<
		<T as Config>::AssetId,
		<T as Config>::Balance,
		<T as Config>::MaxSettlementAssets,
	>;

	/// Corridor limits as a call submits them.
	pub type ParamsInput<T> = CorridorParams<<T as Config>::Balance, Vec<<T as Config>::AssetId>>;

	/// Block reason as stored.
	pub type ReasonOf<T> = BoundedVec<u8, <T as Config>::MaxReasonLen>;

	/// Corridors by source, then destination jurisdiction.
	#[pallet::storage]
	pub type Corridors<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		Jurisdiction,
		Blake2_128Concat,
		Jurisdiction,
		CorridorOf<T>,
		OptionQuery,
	>;

	/// Each corridor's volume on the day of its latest payment.
	#[pallet::storage]
	pub type DailyVolume<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		Jurisdiction,
		Blake2_128Concat,
		Jurisdiction,
		DayVolume<T::Balance>,
		ValueQuery,
	>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Corridors open from genesis: `(source, destination, limits)`,
		/// checked as `add_corridor` checks them.
		pub corridors: Vec<(Jurisdiction, Jurisdiction, ParamsInput<T>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (source, destination, params) in &self.corridors {
				if let Err(e) = Pallet::<T>::build_genesis_corridor(*source, *destination, params.clone()) {
					// A chain spec with a broken corridor must not start.
					let reason: &'static str = e.into();
					#[allow(clippy::panic)]
					{
						core::panic!("corridor genesis: {source:?} -> {destination:?}: {reason}");
					}
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance opened a new corridor (active from now on).
		CorridorAdded {
			source: Jurisdiction,
			destination: Jurisdiction,
			params: ParamsOf<T>,
			by: T::AccountId,
		},
		/// Governance replaced a corridor's limits; its flags and today's volume stay.
		CorridorUpdated {
			source: Jurisdiction,
			destination: Jurisdiction,
			params: ParamsOf<T>,
			by: T::AccountId,
		},
		/// Governance re-opened a corridor.
		CorridorActivated { source: Jurisdiction, destination: Jurisdiction, by: T::AccountId },
		/// Governance closed a corridor to new payments.
		CorridorDeactivated { source: Jurisdiction, destination: Jurisdiction, by: T::AccountId },
		/// The compliance officer blocked a corridor (or restated the reason).
		CorridorBlocked {
			source: Jurisdiction,
			destination: Jurisdiction,
			reason: ReasonOf<T>,
			by: T::AccountId,
		},
		/// The compliance officer lifted a corridor's block.
		CorridorUnblocked { source: Jurisdiction, destination: Jurisdiction, by: T::AccountId },
		/// Governance removed a corridor and its volume record.
		CorridorRemoved { source: Jurisdiction, destination: Jurisdiction, by: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A jurisdiction is not two upper-case ASCII letters (ISO 3166-1 alpha-2).
		MalformedJurisdiction,
		/// A corridor needs at least one settlement asset.
		NoSettlementAssets,
		/// More settlement assets than `MaxSettlementAssets`.
		TooManySettlementAssets,
		/// A settlement asset is listed twice.
		DuplicateSettlementAsset,
		/// The minimum per payment must be above zero.
		ZeroMinimum,
		/// The minimum per payment exceeds the maximum.
		MinimumAboveMaximum,
		/// The maximum per payment exceeds the daily limit.
		MaximumAboveDailyLimit,
		/// A corridor between these jurisdictions, in this direction, exists.
		CorridorExists,
		/// No corridor between these jurisdictions in this direction.
		UnknownCorridor,
		/// The corridor is already active.
		AlreadyActive,
		/// The corridor is already inactive.
		AlreadyInactive,
		/// A block needs a reason, for the audit trail.
		EmptyReason,
		/// The reason is longer than `MaxReasonLen`.
		ReasonTooLong,
		/// The corridor is not blocked.
		CorridorNotBlocked,
		/// The sender has no registered identity, hence no jurisdiction.
		SenderUnregistered,
		/// The receiver has no registered identity, hence no jurisdiction.
		ReceiverUnregistered,
		/// The sender's or the receiver's jurisdiction is blocked by the consortium.
		JurisdictionBlocked,
		/// Governance has closed the corridor.
		CorridorInactive,
		/// The compliance officer has blocked the corridor. Also refuses removing
		/// a blocked corridor: removing and re-adding it would lift the block
		/// without compliance.
		CorridorBlocked,
		/// The corridor does not settle in this asset.
		AssetNotSettled,
		/// The amount is below the corridor's minimum per payment.
		BelowMinimum,
		/// The amount is above the corridor's maximum per payment.
		AboveMaximum,
		/// The payment would take today's volume above the daily limit.
		DailyLimitExceeded,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		fn integrity_test() {
			// With either bound at zero no corridor could be added or blocked.
			assert!(T::MaxSettlementAssets::get() > 0, "MaxSettlementAssets must be positive");
			assert!(T::MaxReasonLen::get() > 0, "MaxReasonLen must be positive");
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Open a corridor from `source` to `destination` with `params`. The new
		/// corridor is active at once: adding it is the governance decision.
		///
		/// Origin: governance council. Emits `CorridorAdded`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_corridor(params.settlement_assets.len() as u32))]
		pub fn add_corridor(
			origin: OriginFor<T>,
			source: Jurisdiction,
			destination: Jurisdiction,
			params: ParamsInput<T>,
		) -> DispatchResult {
			let by = T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_add_corridor(by, source, destination, params)
		}

		/// Replace a corridor's limits and settlement assets. Its active and
		/// blocked flags and the volume already moved today are kept.
		///
		/// Origin: governance council. Emits `CorridorUpdated`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_corridor(params.settlement_assets.len() as u32))]
		pub fn update_corridor(
			origin: OriginFor<T>,
			source: Jurisdiction,
			destination: Jurisdiction,
			params: ParamsInput<T>,
		) -> DispatchResult {
			let by = T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_update_corridor(by, source, destination, params)
		}

		/// Open (`true`) or close (`false`) a corridor to new payments.
		///
		/// Origin: governance council. Emits `CorridorActivated` or
		/// `CorridorDeactivated`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::set_corridor_active())]
		pub fn set_corridor_active(
			origin: OriginFor<T>,
			source: Jurisdiction,
			destination: Jurisdiction,
			active: bool,
		) -> DispatchResult {
			let by = T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_set_corridor_active(by, source, destination, active)
		}

		/// Block a corridor with a reason. Blocking a blocked corridor restates
		/// the reason (e.g. a case reference once it is known).
		///
		/// Origin: compliance officer. Emits `CorridorBlocked`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::block_corridor())]
		pub fn block_corridor(
			origin: OriginFor<T>,
			source: Jurisdiction,
			destination: Jurisdiction,
			reason: Vec<u8>,
		) -> DispatchResult {
			let by = T::BlockOrigin::ensure_origin(origin)?;
			Self::do_block_corridor(by, source, destination, reason)
		}

		/// Lift a corridor's block.
		///
		/// Origin: compliance officer. Emits `CorridorUnblocked`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::unblock_corridor())]
		pub fn unblock_corridor(
			origin: OriginFor<T>,
			source: Jurisdiction,
			destination: Jurisdiction,
		) -> DispatchResult {
			let by = T::BlockOrigin::ensure_origin(origin)?;
			Self::do_unblock_corridor(by, source, destination)
		}

		/// Remove a corridor and its volume record. A blocked corridor cannot be
		/// removed (see `CorridorBlocked`).
		///
		/// Origin: governance council. Emits `CorridorRemoved`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::remove_corridor())]
		pub fn remove_corridor(
			origin: OriginFor<T>,
			source: Jurisdiction,
			destination: Jurisdiction,
		) -> DispatchResult {
			let by = T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_corridor(by, source, destination)
		}
	}
}
