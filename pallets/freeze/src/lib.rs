//! # Freeze
//!
//! A bank's compliance function and the courts it answers to do not block an
//! account wholesale when one payment is suspicious: they freeze *an amount*.
//! A court garnishes EUR 12 000 of a holding, the AML desk holds the proceeds of
//! one flagged transfer, a sanctions screen matches one incoming payment. The
//! rest of the holding stays spendable. This pallet keeps those orders:
//!
//! - a **freeze entry** freezes `amount` of one holding (`asset`, `holder`) and
//!   records who froze it (`source`, the asset's freeze agent), why
//!   ([`tokenize_primitives::FreezeReason`]: AML flag, court order, regulatory hold, sanctions match,
//!   disputed transaction), the order's case `reference` (a court file number;
//!   at most `MaxReferenceLen` bytes) and when (`at`, Unix seconds). A holding
//!   may carry up to `MaxEntriesPerHolding` entries at once, each lifted or
//!   enforced on its own;
//! - an **address freeze** stops an address outright (a sanctions listing, a
//!   court order against the person, an AML alert on the account), set and
//!   lifted by the compliance officer, with the same legal reason and case
//!   reference as an entry. It is the chain's only address freeze and has one
//!   meaning: every holding of the address is frozen in full, the address is
//!   party to no movement of a permissioned asset (as sender or receiver:
//!   compliant-assets refuses it with `AddressFrozen`), and the runtime
//!   refuses its transactions before the pool (except a governance
//!   keyholder's governance calls, so that freezing a council signer cannot
//!   disable the council).
//!
//! ## Enforcement
//!
//! The pallet implements pallet-assets' [`pallet_assets::FrozenBalance`], so
//! pallet-assets itself refuses to let `balance − frozen` go below zero on
//! *every* path that moves an asset (its own `transfer`, `transfer_keep_alive`,
//! `burn`, the `fungibles` traits other pallets use). Nobody has to remember to
//! check. A freeze may only cover what the holding holds (`freeze` refuses more
//! than the unfrozen balance), and pallet-assets then keeps
//! `balance ≥ frozen total` for as long as the entries exist.
//!
//! Frozen funds leave a holding only two ways, each by its own role
//! (separation of duties: whoever freezes may not also seize):
//!
//! - [`Pallet::confiscate`] by the asset's **forced-transfer agent** enforces
//!   one entry: the entry is closed and exactly its amount is moved to the
//!   beneficiary of the order through [`tokenize_primitives::ComplianceTransfer::force_move`],
//!   so compliant-assets keeps its holder bookkeeping and receiver checks;
//! - a forced transfer in compliant-assets first asks this pallet to release
//!   what it needs ([`tokenize_primitives::Freezes::release_for_forced_transfer`]),
//!   newest entries first.
//!
//! When a lost wallet is recovered, compliant-assets re-keys its entries to the
//! new wallet ([`tokenize_primitives::Freezes::move_freezes`]) before moving the
//! balance, so a court order survives the recovery.
//!
//! ## What stays in storage
//!
//! An entry is in storage exactly while it is active. Unfreezing, confiscating
//! or fully releasing it removes it, and the event emitted at that moment
//! (`Unfrozen`, `Confiscated`, `ReleasedForForcedTransfer`) closes the record:
//! the full order was published in `Frozen` when it was placed, so the event
//! log (kept by the regulator's archive nodes) is the complete audit trail.
//! Keeping closed entries instead would make storage grow with every order
//! ever issued; this way it is bounded by the live orders:
//! `MaxEntriesPerHolding` per holding and one record per frozen address.
//!
//! Per holding the pallet caches the frozen total, so the hook pallet-assets
//! calls on every debit costs two reads (address freeze, total) whatever the
//! number of entries; a per-asset count of active entries answers
//! `contains_freezes`, which stops the asset from being destroyed under a
//! live order.
//!
//! ## Calls
//!
//! | call | origin | emits |
//! |---|---|---|
//! | [`Pallet::freeze`] | the asset's freeze agent | `Frozen` |
//! | [`Pallet::unfreeze`] | the entry's asset's freeze agent | `Unfrozen` |
//! | [`Pallet::confiscate`] | the entry's asset's forced-transfer agent | `Confiscated` |
//! | [`Pallet::freeze_address`] | compliance officer | `AddressFrozen` |
//! | [`Pallet::unfreeze_address`] | compliance officer | `AddressUnfrozen` |
//!
//! Through [`tokenize_primitives::Freezes`]: `FreezesMoved` (recovery) and
//! `ReleasedForForcedTransfer` (one per entry a forced transfer touched).
//!
//! ## Provides
//!
//! [`pallet_assets::FrozenBalance`] (the runtime sets pallet-assets'
//! `Freezer` to this pallet) and [`tokenize_primitives::Freezes`] for
//! compliant-assets and the spendable-balance runtime API.

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
	use frame_support::{
		pallet_prelude::*,
		traits::{fungibles, EnsureOriginWithArg, UnixTime},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::{AtLeast32BitUnsigned, Bounded};
	use tokenize_primitives::{ComplianceTransfer, DepositTokens, FreezeReason, PaymentEscrow, RedemptionLocks};

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
		/// Identifier of a permissioned asset (pallet-assets' `AssetId`).
		type AssetId: Member + Parameter + Copy + MaxEncodedLen + Ord;
		/// Amounts of an asset (pallet-assets' `Balance`).
		type Balance: Member
			+ Parameter
			+ AtLeast32BitUnsigned
			+ Copy
			+ MaxEncodedLen
			+ Default
			+ Bounded;
		/// Reads holdings, to refuse freezing more than a holder holds. The runtime
		/// plugs in pallet-assets.
		type Assets: fungibles::Inspect<
			Self::AccountId,
			AssetId = Self::AssetId,
			Balance = Self::Balance,
		>;
		/// Moves confiscated funds, so compliant-assets keeps its holder
		/// bookkeeping and checks the receiver.
		type Transfer: ComplianceTransfer<Self::AccountId, Self::AssetId, Self::Balance>;
		/// The mint escrow: provisional deposit tokens are already held back
		/// until their SEPA credit clears (and burnt if it does not), so a
		/// freeze covers only the rest of a holding.
		type DepositTokens: DepositTokens<Self::AssetId, Self::AccountId, Self::Balance>;
		/// The payment rail: what it escrows for a holder's pending payments
		/// is held back already and released or refunded by the rail alone,
		/// so a freeze never covers it (a release never meets a freeze).
		type PaymentEscrow: PaymentEscrow<Self::AssetId, Self::AccountId, Self::Balance>;
		/// The fund vaults: shares locked for redemption requests are not
		/// frozen on top (the fund burns or unlocks them).
		type RedemptionLocks: RedemptionLocks<Self::AssetId, Self::AccountId, Self::Balance>;
		/// The asset's freeze agent: places and lifts freeze entries.
		type FreezeOrigin: EnsureOriginWithArg<
			Self::RuntimeOrigin,
			Self::AssetId,
			Success = Self::AccountId,
		>;
		/// The asset's forced-transfer agent: enforces entries by confiscation.
		/// Must be a different role from `FreezeOrigin` (separation of duties).
		type ConfiscateOrigin: EnsureOriginWithArg<
			Self::RuntimeOrigin,
			Self::AssetId,
			Success = Self::AccountId,
		>;
		/// The compliance officer: freezes and unfreezes whole addresses.
		type AddressFreezeOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Wall-clock time, stamped on each order.
		type TimeProvider: UnixTime;
		/// Most active entries one holding (asset, holder) may carry.
		#[pallet::constant]
		type MaxEntriesPerHolding: Get<u32>;
		/// Longest case reference of an order, in bytes.
		#[pallet::constant]
		type MaxReferenceLen: Get<u32>;
		/// Weights from this pallet's benchmarks.
		type WeightInfo: WeightInfo;
		/// Creates the holdings the benchmarks freeze.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AssetId, Self::AccountId, Self::Balance>;
	}

	/// A freeze entry, as stored.
	pub type EntryOf<T> = FreezeEntry<
		<T as frame_system::Config>::AccountId,
		<T as Config>::AssetId,
		<T as Config>::Balance,
		Reference<<T as Config>::MaxReferenceLen>,
	>;

	/// Active freeze entries by id.
	#[pallet::storage]
	pub type Entries<T: Config> = StorageMap<_, Twox64Concat, EntryId, EntryOf<T>, OptionQuery>;

	/// The id the next entry gets.
	#[pallet::storage]
	pub type NextEntryId<T: Config> = StorageValue<_, EntryId, ValueQuery>;

	/// Ids of the active entries on each holding, oldest first.
	#[pallet::storage]
	pub type HoldingEntries<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AssetId,
		Blake2_128Concat,
		T::AccountId,
		BoundedVec<EntryId, T::MaxEntriesPerHolding>,
		ValueQuery,
	>;

	/// Sum of the active entries on each holding; absent when zero. Cached so
	/// that pallet-assets' hook does not sum the entries on every debit.
	#[pallet::storage]
	pub type FrozenTotals<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AssetId,
		Blake2_128Concat,
		T::AccountId,
		T::Balance,
		ValueQuery,
	>;

	/// Number of active entries per asset; absent when zero.
	#[pallet::storage]
	pub type ActiveEntryCount<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AssetId, u32, ValueQuery>;

	/// Addresses whose every holding is frozen, with the order that froze them.
	#[pallet::storage]
	pub type FrozenAddresses<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AccountId,
		AddressFreeze<T::AccountId, Reference<T::MaxReferenceLen>>,
		OptionQuery,
	>;

	/// Number of frozen addresses.
	#[pallet::storage]
	pub type FrozenAddressCount<T: Config> = StorageValue<_, u32, ValueQuery>;

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// An amount of a holding was frozen by an order.
		Frozen {
			entry_id: EntryId,
			asset: T::AssetId,
			holder: T::AccountId,
			amount: T::Balance,
			source: T::AccountId,
			reason: FreezeReason,
			reference: Reference<T::MaxReferenceLen>,
			at: u64,
		},
		/// An entry was lifted; its amount is spendable again.
		Unfrozen {
			entry_id: EntryId,
			asset: T::AssetId,
			holder: T::AccountId,
			amount: T::Balance,
			by: T::AccountId,
		},
		/// An entry was enforced: its amount moved from the holder to `to`.
		Confiscated {
			entry_id: EntryId,
			asset: T::AssetId,
			holder: T::AccountId,
			to: T::AccountId,
			amount: T::Balance,
			by: T::AccountId,
		},
		/// Every holding of `who` is frozen.
		AddressFrozen {
			who: T::AccountId,
			reason: FreezeReason,
			reference: Reference<T::MaxReferenceLen>,
			by: T::AccountId,
			at: u64,
		},
		/// The address freeze of `who` was lifted; its entries still apply.
		AddressUnfrozen { who: T::AccountId, by: T::AccountId },
		/// A recovered wallet took over the entries of the lost one.
		FreezesMoved {
			asset: T::AssetId,
			from: T::AccountId,
			to: T::AccountId,
			entries: u32,
			amount: T::Balance,
		},
		/// A forced transfer released `released` of an entry; `remaining` stays
		/// frozen in it (zero: the entry is closed).
		ReleasedForForcedTransfer {
			entry_id: EntryId,
			asset: T::AssetId,
			holder: T::AccountId,
			released: T::Balance,
			remaining: T::Balance,
		},
	}

	#[pallet::error]
	pub enum Error<T> {
		/// A freeze of zero freezes nothing.
		ZeroAmount,
		/// The case reference is longer than `MaxReferenceLen`.
		ReferenceTooLong,
		/// The holding already carries `MaxEntriesPerHolding` entries.
		TooManyEntries,
		/// The holding's balance not yet frozen (provisional deposit tokens
		/// excluded) is below the amount to freeze.
		InsufficientUnfrozenBalance,
		/// No active entry has this id (never placed, or already closed).
		UnknownEntry,
		/// The holder's address is frozen: its funds cannot move until the
		/// compliance officer lifts the address freeze.
		HolderAddressFrozen,
		/// The holder's balance is below the entry's amount.
		InsufficientBalance,
		/// Confiscation must move the funds away from the holder.
		ConfiscationToHolder,
		/// The address is already frozen.
		AddressAlreadyFrozen,
		/// The address is not frozen.
		AddressNotFrozen,
		/// An amount or counter would overflow.
		Overflow,
		/// The cached totals or entry lists disagree with the entries (a bug;
		/// nothing was changed).
		TotalsMismatch,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state().map_err(Into::into)
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Freeze `amount` of `holder`'s holding of `asset` under an order.
		///
		/// Origin: the asset's freeze agent. The new entry's id is in the event.
		/// Refuses more than the holding's unfrozen balance. Emits `Frozen`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::freeze())]
		pub fn freeze(
			origin: OriginFor<T>,
			asset: T::AssetId,
			holder: T::AccountId,
			amount: T::Balance,
			reason: FreezeReason,
			reference: Vec<u8>,
		) -> DispatchResult {
			let source = T::FreezeOrigin::ensure_origin(origin, &asset)?;
			Self::do_freeze(source, asset, holder, amount, reason, reference).map(|_| ())
		}

		/// Lift an active entry; its amount becomes spendable again (unless the
		/// address is frozen).
		///
		/// Origin: the freeze agent of the entry's asset. Emits `Unfrozen`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::unfreeze())]
		pub fn unfreeze(origin: OriginFor<T>, entry_id: EntryId) -> DispatchResult {
			let entry = Self::active_entry(entry_id)?;
			let by = T::FreezeOrigin::ensure_origin(origin, &entry.asset)?;
			Self::do_unfreeze(entry_id, entry, by)
		}

		/// Enforce an active entry: close it and move exactly its amount from the
		/// holder to `to` (the beneficiary named by the order).
		///
		/// Origin: the forced-transfer agent of the entry's asset. The move goes
		/// through compliant-assets, which checks `to`. Emits `Confiscated`.
		///
		/// Declared: the benchmark (on an asset no holding observer works
		/// for) plus the observers' most for one movement; charged: the
		/// benchmark plus what they reported (a fund's yield accrual when the
		/// asset is its share class).
		#[pallet::call_index(2)]
		#[pallet::weight(T::Transfer::with_observers(T::WeightInfo::confiscate(), 1))]
		pub fn confiscate(
			origin: OriginFor<T>,
			entry_id: EntryId,
			to: T::AccountId,
		) -> DispatchResultWithPostInfo {
			let entry = Self::active_entry(entry_id)?;
			let by = T::ConfiscateOrigin::ensure_origin(origin, &entry.asset)?;
			let observed = Self::do_confiscate(entry_id, entry, to, by)?;
			Ok(Some(T::WeightInfo::confiscate().saturating_add(observed)).into())
		}

		/// Freeze every holding of `who` entirely.
		///
		/// Origin: the compliance officer. Emits `AddressFrozen`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::freeze_address())]
		pub fn freeze_address(
			origin: OriginFor<T>,
			who: T::AccountId,
			reason: FreezeReason,
			reference: Vec<u8>,
		) -> DispatchResult {
			let by = T::AddressFreezeOrigin::ensure_origin(origin)?;
			Self::do_freeze_address(by, who, reason, reference)
		}

		/// Lift the address freeze of `who`; its amount-level entries still apply.
		///
		/// Origin: the compliance officer. Emits `AddressUnfrozen`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::unfreeze_address())]
		pub fn unfreeze_address(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			let by = T::AddressFreezeOrigin::ensure_origin(origin)?;
			Self::do_unfreeze_address(by, who)
		}
	}
}
