//! # Governance
//!
//! A permissioned consortium has no token holders to vote and must have no
//! sudo key, yet someone has to be able to upgrade the runtime, repair state
//! after a bug and change any parameter that only Root may change. This pallet
//! is that someone: it turns a decision of the **governance council** (a 5-of-7
//! pallet-multisig account holding the `GovernanceCouncil` role) into a **Root**
//! dispatch, but only after an **enactment delay** during which every bank can
//! see the pending call and the council can still withdraw it.
//!
//! ## Life of a proposal
//!
//! 1. [`Pallet::propose`]: the council submits any runtime call. The pallet
//!    gives it the next [`ProposalId`], records who proposed it, the hash of
//!    the call and the block at which it will run (`now + EnactmentDelay`),
//!    and hands it to pallet-scheduler as a named task, with Root as origin.
//!    A call longer than pallet-scheduler's inline limit is noted in
//!    pallet-preimage, which the scheduler reads it back from.
//! 2. During the delay the proposal is public (the `Proposals` map and the
//!    `Proposed` event); [`Pallet::cancel`] withdraws it: the scheduler task
//!    and the preimage are dropped and the call never runs.
//! 3. At the enactment block the scheduler dispatches [`Pallet::enact`] as
//!    Root; it removes the proposal and dispatches the call as Root, emitting
//!    `Enacted` with the call's own dispatch result (a failing call is
//!    reported, not retried: the council proposes again).
//!
//! A runtime upgrade is a proposal of `system.authorize_upgrade(code_hash)`:
//! once enacted, anyone may submit `system.apply_authorized_upgrade(code)`
//! (unsigned, free) with the wasm whose hash governance approved. The code
//! itself never sits in the proposal, so proposals stay small.
//!
//! ## Why kept pallets
//!
//! pallet-scheduler already solves "dispatch this as that origin at block N,
//! even if the block is busy" (hard-deadline priority) and pallet-preimage
//! "store a large call once, by hash"; frame-system's `authorize_upgrade` /
//! `apply_authorized_upgrade` separates approving a code hash from uploading
//! the code. What remains here is the consortium's rule: *who* may propose,
//! *how long* everyone gets to look, and an audit trail of proposals with
//! their outcome. pallet-collective is not needed: the council's n-of-m
//! decision is already taken by pallet-multisig before `propose` is called.
//!
//! ## Bounds
//!
//! At most [`Config::MaxActiveProposals`] proposals wait at once, each at most
//! [`Config::MaxCallLen`] bytes; the enactment delay stays within
//! [`Config::MinEnactmentDelay`]..=[`Config::MaxEnactmentDelay`] so that even
//! Root cannot make the next proposal run at once or never.
//!
//! ## Calls
//!
//! | call | origin | emits |
//! |---|---|---|
//! | [`Pallet::propose`] | `ProposeOrigin` (the governance council) | `Proposed` |
//! | [`Pallet::cancel`] | `CancelOrigin` (the governance council) | `Cancelled` |
//! | [`Pallet::enact`] | Root (the scheduler, at the enactment block) | `Enacted` |
//! | [`Pallet::set_enactment_delay`] | Root (i.e. an enacted proposal) | `EnactmentDelaySet` |

#![cfg_attr(not(feature = "std"), no_std)]

extern crate alloc;

pub use pallet::*;

mod functions;
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
	use alloc::boxed::Box;
	use frame_support::{
		dispatch::{GetDispatchInfo, PostDispatchInfo},
		pallet_prelude::*,
		traits::{schedule::v3::Named as ScheduleNamed, QueryPreimage, StorePreimage},
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::Dispatchable;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(1);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// The runtime's call type: what a proposal carries.
		type RuntimeCall: Parameter
			+ Dispatchable<RuntimeOrigin = Self::RuntimeOrigin, PostInfo = PostDispatchInfo>
			+ GetDispatchInfo
			+ From<Call<Self>>;
		/// The origin the scheduler dispatches with (Root, here).
		type PalletsOrigin: From<frame_system::RawOrigin<Self::AccountId>>;
		/// pallet-scheduler: runs `enact` as Root at the enactment block.
		type Scheduler: ScheduleNamed<
			BlockNumberFor<Self>,
			<Self as Config>::RuntimeCall,
			Self::PalletsOrigin,
			Hasher = Self::Hashing,
		>;
		/// pallet-preimage: holds proposals too long to sit inline in the scheduler.
		type Preimages: QueryPreimage<H = Self::Hashing> + StorePreimage;
		/// Who may propose (the governance council); yields the proposer's account.
		type ProposeOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Who may withdraw a pending proposal (the governance council).
		type CancelOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Most proposals waiting for enactment at once.
		#[pallet::constant]
		type MaxActiveProposals: Get<u32>;
		/// Longest encoded call a proposal may carry, in bytes.
		#[pallet::constant]
		type MaxCallLen: Get<u32>;
		/// Shortest enactment delay Root may set (at least one block).
		#[pallet::constant]
		type MinEnactmentDelay: Get<BlockNumberFor<Self>>;
		/// Longest enactment delay Root may set: governance can never be
		/// delayed out of existence.
		#[pallet::constant]
		type MaxEnactmentDelay: Get<BlockNumberFor<Self>>;
		/// Weights from this pallet's benchmarks.
		type WeightInfo: WeightInfo;
	}

	/// Blocks between a proposal and its enactment. Set in the chain spec
	/// (24 hours for the consortium, a few blocks on dev and test chains).
	#[pallet::storage]
	pub type EnactmentDelay<T: Config> = StorageValue<_, BlockNumberFor<T>, ValueQuery>;

	/// The id the next proposal gets; ids are never reused.
	#[pallet::storage]
	pub type NextProposalId<T: Config> = StorageValue<_, ProposalId, ValueQuery>;

	/// Proposals waiting for enactment. Removed when enacted or cancelled.
	#[pallet::storage]
	pub type Proposals<T: Config> =
		CountedStorageMap<_, Twox64Concat, ProposalId, ProposalOf<T>, OptionQuery>;

	#[pallet::genesis_config]
	pub struct GenesisConfig<T: Config> {
		/// The enactment delay in blocks; must lie within the configured bounds.
		pub enactment_delay: BlockNumberFor<T>,
	}

	/// A chain spec that does not name a delay gets the longest one: the
	/// safe side for a chain whose Root is governance.
	impl<T: Config> Default for GenesisConfig<T> {
		fn default() -> Self {
			Self { enactment_delay: T::MaxEnactmentDelay::get() }
		}
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			if let Err(e) = Pallet::<T>::ensure_delay_in_bounds(self.enactment_delay) {
				// A chain spec with no usable governance must not start at all.
				#[allow(clippy::panic)]
				{
					let reason: &'static str = e.into();
					core::panic!("governance genesis is invalid: {reason}");
				}
			}
			EnactmentDelay::<T>::put(self.enactment_delay);
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// The council proposed `call_hash` (blake2-256 of the encoded call);
		/// it runs as Root at block `enact_at` unless cancelled.
		Proposed {
			id: ProposalId,
			proposer: T::AccountId,
			call_hash: T::Hash,
			enact_at: BlockNumberFor<T>,
		},
		/// The proposal was withdrawn; its call will never run.
		Cancelled { id: ProposalId, canceller: T::AccountId },
		/// The proposal's call ran as Root; `result` is the call's own outcome.
		Enacted { id: ProposalId, result: DispatchResult },
		/// Proposals made from now on wait `delay` blocks.
		EnactmentDelaySet { delay: BlockNumberFor<T> },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// `MaxActiveProposals` proposals are already waiting.
		TooManyProposals,
		/// The encoded call is longer than `MaxCallLen`.
		CallTooLong,
		/// No proposal with this id is waiting (never made, enacted or cancelled).
		UnknownProposal,
		/// The call handed to `enact` is not the one that was proposed.
		CallMismatch,
		/// The delay is outside `MinEnactmentDelay..=MaxEnactmentDelay`.
		DelayOutOfBounds,
		/// Proposal ids are exhausted.
		ProposalIdOverflow,
		/// The scheduler refused the task (its agenda for that block is full).
		SchedulingFailed,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Propose `call` for dispatch as Root after the enactment delay.
		///
		/// Origin: `ProposeOrigin` (the governance council). Emits `Proposed`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::propose(call.encoded_size() as u32))]
		pub fn propose(
			origin: OriginFor<T>,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResult {
			let proposer = T::ProposeOrigin::ensure_origin(origin)?;
			Self::do_propose(proposer, *call)
		}

		/// Withdraw a waiting proposal: its call will never run.
		///
		/// Origin: `CancelOrigin` (the governance council). Emits `Cancelled`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::cancel())]
		pub fn cancel(origin: OriginFor<T>, id: ProposalId) -> DispatchResult {
			let canceller = T::CancelOrigin::ensure_origin(origin)?;
			Self::do_cancel(canceller, id)
		}

		/// Dispatch proposal `id`'s `call` as Root. Scheduled by
		/// [`Pallet::propose`]; refused once the proposal was cancelled or
		/// enacted, and when `call` is not the proposed one. Succeeds whatever
		/// the call's own outcome, which `Enacted` reports.
		///
		/// Origin: Root. Emits `Enacted`.
		#[pallet::call_index(2)]
		#[pallet::weight(
			T::WeightInfo::enact().saturating_add(call.get_dispatch_info().call_weight)
		)]
		pub fn enact(
			origin: OriginFor<T>,
			id: ProposalId,
			call: Box<<T as Config>::RuntimeCall>,
		) -> DispatchResultWithPostInfo {
			ensure_root(origin)?;
			Self::do_enact(id, *call)
		}

		/// Change the enactment delay of proposals made from now on.
		///
		/// Origin: Root (an enacted proposal, so a change of the delay itself
		/// waits the current delay). Emits `EnactmentDelaySet`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::set_enactment_delay())]
		pub fn set_enactment_delay(origin: OriginFor<T>, delay: BlockNumberFor<T>) -> DispatchResult {
			ensure_root(origin)?;
			Self::ensure_delay_in_bounds(delay)?;
			EnactmentDelay::<T>::put(delay);
			Self::deposit_event(Event::EnactmentDelaySet { delay });
			Ok(())
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state().map_err(Into::into)
		}
	}
}
