//! # Validator set
//!
//! The Tokenize chain is run by a consortium of banks: only an account whose
//! identity is verified and holds the `Bank` role may author blocks and vote in
//! GRANDPA. This pallet keeps the permissioned validator set and hands it to
//! pallet-session, which applies it at a session boundary (a change queued in
//! session *n* is active from session *n + 2*, the standard session pipeline
//! that lets GRANDPA announce the authority change in advance).
//!
//! Four rules keep the set safe:
//!
//! - **admission** — [`Pallet::add_validator`] accepts only verified banks
//!   (named errors `IdentityNotVerified`, `NotABank`);
//! - **lapse** — at every session rotation, validators whose identity was
//!   revoked or expired are dropped, one by one, as long as what remains
//!   keeps the two rules below; a lapsed validator whose departure would
//!   break one is kept and `IneligibleValidatorRetained { reason }` is
//!   emitted every session until governance repairs the set;
//! - **minimum** — no removal or lapse takes the set below
//!   `MinimumValidators` members, nor below that many validators with
//!   session keys (GRANDPA needs 3f+1 voters to tolerate f faults, and a
//!   validator without keys neither authors nor votes, so an unkeyed member
//!   does not count towards the keyed minimum and its own removal never
//!   lowers it). A validator can still purge its own keys: the pallet
//!   cannot stop that, it only refuses to make things worse;
//! - **concentration** — no legal entity (same account or same LEI) may hold
//!   more than `MaxSeatShare` of the seats, so no single bank can stall
//!   finality on its own (with the default 33%, one bank stays below 1/3).
//!
//! ## Calls
//!
//! | call | origin | emits |
//! |---|---|---|
//! | [`Pallet::add_validator`] | governance | `ValidatorAdded` |
//! | [`Pallet::remove_validator`] | governance | `ValidatorRemoved` |
//!
//! At a session rotation with a change pending: `NewSetQueued`; for a lapsed
//! identity: `ValidatorLapsed` or `IneligibleValidatorRetained`.
//!
//! ## Session rotation
//!
//! This pallet rotates the sessions (`on_initialize`, through
//! [`tokenize_primitives::SessionRotation`]: pallet-session's own rotation,
//! at the same block and in the same place in the block), because
//! pallet-session charges a rotation the whole block's weight: no user
//! transaction fits in that block, and one slot's transactions wait for the
//! next every session. The rotation is charged its benchmark instead
//! (`rotate_session`, the worst case: a full set, every member lapsed, new
//! keys for all), so the rest of the block stays open.

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

pub use types::RetentionReason;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use frame_support::pallet_prelude::*;
	use frame_system::pallet_prelude::*;
	use sp_runtime::Perbill;
	use tokenize_primitives::{Compliance, SessionRotation};

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
		/// Identity and role checks.
		type Compliance: Compliance<Self::AccountId>;
		/// Accounts that registered session keys (pallet-session's
		/// `NextKeys`): only they author and vote, so only they count
		/// towards `MinimumValidators`.
		type SessionKeys: frame_support::traits::Contains<Self::AccountId>;
		/// Adds and removes validators.
		type GovernanceOrigin: EnsureOrigin<Self::RuntimeOrigin>;
		/// Upper bound of the set (storage bound).
		#[pallet::constant]
		type MaxValidators: Get<u32>;
		/// Largest share of seats one legal entity may hold.
		#[pallet::constant]
		type MaxSeatShare: Get<Perbill>;
		/// The sessions this pallet rotates (pallet-session, whose own
		/// `ShouldEndSession` then never ends one).
		type Sessions: SessionRotation<Self::AccountId, BlockNumberFor<Self>>;
		/// Creates verified bank identities for benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: tokenize_primitives::ComplianceBenchmarkHelper<Self::AccountId>;
		/// Weights from this pallet's benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// The validator set to be used from the next session rotation on.
	#[pallet::storage]
	pub type Validators<T: Config> =
		StorageValue<_, BoundedVec<T::AccountId, T::MaxValidators>, ValueQuery>;

	/// The set never shrinks below this many validators. Set by the chain spec:
	/// 4 (= 3f+1 with f = 1) for the consortium, 1 for a single-node dev chain.
	#[pallet::storage]
	pub type MinimumValidators<T: Config> = StorageValue<_, u32, ValueQuery>;

	/// `Validators` changed since it was last handed to pallet-session.
	#[pallet::storage]
	pub type ChangePending<T: Config> = StorageValue<_, bool, ValueQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The founding validators; each must be a verified bank at genesis.
		pub validators: alloc::vec::Vec<T::AccountId>,
		/// The floor of the set size; at least 1.
		pub minimum_validators: u32,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Err(e) = Pallet::<T>::build_genesis(&self.validators, self.minimum_validators) {
				// A chain spec with an invalid founding set must not start.
				let reason: &'static str = e.into();
				core::panic!("validator-set genesis is invalid: {reason}");
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A verified bank joins the set from a coming session.
		ValidatorAdded { who: T::AccountId },
		/// A validator leaves the set from a coming session.
		ValidatorRemoved { who: T::AccountId },
		/// A validator's identity lapsed (revoked, expired, role withdrawn); it leaves.
		ValidatorLapsed { who: T::AccountId },
		/// A validator's identity lapsed but removing it would break the
		/// minimum of keyed validators or a seat share; it stays until
		/// governance repairs the set.
		IneligibleValidatorRetained { who: T::AccountId, reason: RetentionReason },
		/// The set handed to pallet-session for `session`.
		NewSetQueued { session: u32, validators: alloc::vec::Vec<T::AccountId> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The account has no verified, unexpired identity.
		IdentityNotVerified,
		/// The account's identity does not hold the `Bank` role.
		NotABank,
		/// The account is already a validator.
		AlreadyValidator,
		/// The account is not a validator.
		NotAValidator,
		/// The set is at `MaxValidators`.
		TooManyValidators,
		/// Removing would take the set, or its validators with session keys,
		/// below `MinimumValidators`; or the configured minimum is zero.
		TooFewValidators,
		/// One legal entity would hold more than `MaxSeatShare` of the seats.
		SeatShareExceeded,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		/// Rotates the session when one ends, charged the rotation's worst
		/// case (a full set, all lapsed); otherwise nothing (the check is
		/// arithmetic on the block number).
		fn on_initialize(now: BlockNumberFor<T>) -> Weight {
			if !T::Sessions::ends_at(now) {
				return Weight::zero();
			}
			T::Sessions::rotate();
			let most = T::MaxValidators::get();
			T::WeightInfo::rotate_session(most, most)
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Admit a verified bank to the validator set from a coming session.
		/// It must also register session keys (`session.setKeys`) to author.
		///
		/// Origin: governance. Emits `ValidatorAdded`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::add_validator(T::MaxValidators::get()))]
		pub fn add_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_add_validator(who)
		}

		/// Remove a validator from a coming session.
		///
		/// Origin: governance. Emits `ValidatorRemoved`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::remove_validator(T::MaxValidators::get()))]
		pub fn remove_validator(origin: OriginFor<T>, who: T::AccountId) -> DispatchResult {
			T::GovernanceOrigin::ensure_origin(origin)?;
			Self::do_remove_validator(who)
		}
	}
}
