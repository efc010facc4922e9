//! # NAV oracle: fund NAVs and FX rates the consortium agreed on
//!
//! A fund deals at its net asset value per share (NAV), which the fund's
//! administrator computes off chain at each valuation point; the payment
//! rail converts currencies at FX rates. Neither may come from one party
//! alone: a **feed** (a fund's NAV, or an FX pair such as EUR/USD) has its
//! own **submitters** (accounts assigned to the feed by governance, each
//! holding the OracleSubmitter role when it submits), a **quorum**, a
//! **maximum age** (1 h for a NAV, 5 min for FX) and a **maximum deviation**
//! (e.g. 5 %).
//!
//! ## Rounds and the median
//!
//! Submitters send `(value, observed_at)` for the feed's open round
//! ([`Pallet::submit`]); the observation time is the valuation point they
//! priced, never the block's time. Once `quorum` submissions are in, the
//! round closes: its **median** is the lower middle submission ordered by
//! value, taken whole, so the accepted value and its time come from the same
//! observation (an even count never averages two, which would invent a price
//! nobody observed). A submission for a closed round is refused
//! (`RoundFinished`); submissions older than the maximum age are dropped
//! from an open round before a median is taken, and a median not newer than
//! the last accepted value is discarded.
//!
//! ## Guards
//!
//! - **Deviation hold.** A median that moves more than `max_deviation` from
//!   the last accepted value is not applied: it is held until the
//!   compliance-depositary committee (a 2-of-3 multisig) approves it
//!   ([`Pallet::approve_held`], naming the value it approves) or rejects it
//!   ([`Pallet::reject_held`]).
//! - **Manual price.** When the submitters are down the same committee sets
//!   the price itself ([`Pallet::set_manual_price`]), observed now.
//! - **Depositary sign-off.** A fund's NAV feed may require its depositary's
//!   sign-off: a median within the limit then waits until a Depositary signs
//!   it off ([`Pallet::sign_off`], naming the value). A value the committee
//!   approved or set needs no further sign-off: the depositary sits on it.
//! - **Never stale.** [`tokenize_primitives::NavProvider::current`] serves
//!   the last accepted value only while it is within the feed's maximum age
//!   and otherwise refuses by name; it never falls back to an older value.
//!
//! ## History and forward pricing
//!
//! Every accepted value (value, observation time, acceptance time, source)
//! enters the feed's history, of at most `MaxHistory` entries (the oldest
//! drops out). Observation times only increase, so the history is sorted
//! and [`tokenize_primitives::NavProvider::value_at`] finds the first value
//! observed at or after a time by binary search: a fund prices a
//! redemption at the first NAV struck at or after its settlement date, a
//! price nobody could know when they asked. If that value may have dropped
//! out of the bounded history the answer is `BeyondHistory`, never a later
//! value.
//!
//! ## Weights
//!
//! A submission that closes a round sorts the round's submissions: its
//! weight grows with the number of the feed's submitters. It is charged for
//! `MaxSubmitters` up front and refunded to the feed's own count.
//!
//! ## Calls
//!
//! | call | origin | emits |
//! |---|---|---|
//! | [`Pallet::register_feed`] | `AdminOrigin` (governance council) | `FeedRegistered` |
//! | [`Pallet::update_feed`] | `AdminOrigin` (governance council) | `FeedUpdated` |
//! | [`Pallet::submit`] | a submitter of the feed with the OracleSubmitter role | `ValueSubmitted`, and when the round closes `RoundClosed` then `ValueAccepted`, `ValueHeld`, `AwaitingSignOff` or `RoundDiscarded` |
//! | [`Pallet::approve_held`] | `ApprovalOrigin` (compliance-depositary committee) | `HeldApproved`, `ValueAccepted` |
//! | [`Pallet::reject_held`] | `ApprovalOrigin` (compliance-depositary committee) | `HeldRejected` |
//! | [`Pallet::set_manual_price`] | `ApprovalOrigin` (compliance-depositary committee) | `ValueAccepted` (source `Manual`) |
//! | [`Pallet::sign_off`] | `SignOffOrigin` (a Depositary) | `SignedOff`, `ValueAccepted` |
//!
//! ## Storage
//!
//! Feeds are made by governance only. A round holds at most one submission
//! per submitter; the history is bounded per feed; one held and one awaiting
//! candidate per feed replace their predecessors.
//!
//! ## Provides
//!
//! [`tokenize_primitives::NavProvider`] for the fund vaults (and the payment
//! rail's FX checks).

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
pub trait BenchmarkHelper<AccountId> {
	/// Gives `who` a verified identity holding the OracleSubmitter role.
	fn make_submitter(who: &AccountId);
	/// Sets the chain's clock to `ms` (Unix milliseconds).
	fn set_now_ms(ms: u64);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::UnixTime};
	use frame_system::pallet_prelude::*;
	use sp_runtime::FixedU128;
	use tokenize_primitives::{Compliance, FeedId, PricePoint};

	/// A feed's settings as stored and as calls carry them.
	pub type FeedSettingsOf<T> =
		FeedSettings<BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxSubmitters>>;
	/// A feed's open round.
	pub type RoundOf<T> = Round<
		BoundedVec<Submission<<T as frame_system::Config>::AccountId>, <T as Config>::MaxSubmitters>,
	>;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// The identity registry: whether a submitter holds the
		/// OracleSubmitter role.
		type Compliance: Compliance<Self::AccountId>;
		/// The chain's clock (pallet-timestamp).
		type TimeProvider: UnixTime;
		/// Registers and changes feeds (the governance council).
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Approves or rejects held medians and sets manual prices (the
		/// compliance-depositary committee, 2-of-3).
		type ApprovalOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Signs off fund NAVs (a Depositary).
		type SignOffOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Most submitters one feed may have (and so submissions per round).
		#[pallet::constant]
		type MaxSubmitters: Get<u32>;
		/// Accepted values kept per feed.
		#[pallet::constant]
		type MaxHistory: Get<u32>;
		/// How far ahead of the chain's clock an observation may be (clock
		/// skew between a submitter and the block author), milliseconds.
		#[pallet::constant]
		type MaxClockSkew: Get<u64>;
		/// Weights from this pallet's benchmarks.
		type WeightInfo: WeightInfo;
		/// Makes submitters and sets the clock for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId>;
	}

	/// Every feed and its settings.
	#[pallet::storage]
	pub type Feeds<T: Config> = StorageMap<_, Blake2_128Concat, FeedId, FeedSettingsOf<T>, OptionQuery>;

	/// Each feed's open round (round numbers start at 0).
	#[pallet::storage]
	pub type Rounds<T: Config> = StorageMap<_, Blake2_128Concat, FeedId, RoundOf<T>, ValueQuery>;

	/// Each feed's last accepted value: what is served while it is fresh.
	#[pallet::storage]
	pub type Latest<T: Config> = StorageMap<_, Blake2_128Concat, FeedId, AcceptedValue, OptionQuery>;

	/// Each feed's accepted values by sequence number, oldest first; entries
	/// outside the feed's [`HistoryIndexes`] range are gone.
	#[pallet::storage]
	pub type History<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, FeedId, Twox64Concat, u32, AcceptedValue, OptionQuery>;

	/// Which sequence numbers of a feed's history are kept.
	#[pallet::storage]
	pub type HistoryIndexes<T: Config> = StorageMap<_, Blake2_128Concat, FeedId, HistoryIndex, ValueQuery>;

	/// A median beyond the deviation limit, waiting for the committee.
	#[pallet::storage]
	pub type Held<T: Config> = StorageMap<_, Blake2_128Concat, FeedId, Candidate, OptionQuery>;

	/// A NAV waiting for the depositary's sign-off.
	#[pallet::storage]
	pub type AwaitingSignOff<T: Config> = StorageMap<_, Blake2_128Concat, FeedId, Candidate, OptionQuery>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// The feeds the chain starts with.
		pub feeds: Vec<(FeedId, FeedSettings<Vec<T::AccountId>>)>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for (feed, settings) in &self.feeds {
				// A chain spec with a malformed feed must not start.
				#[allow(clippy::panic)]
				let registered = Pallet::<T>::bounded_settings(settings.clone())
					.and_then(|settings| Pallet::<T>::do_register_feed(*feed, settings));
				if let Err(error) = registered {
					core::panic!("nav-oracle genesis: feed {feed}: {error:?}");
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance registered a feed.
		FeedRegistered { feed: FeedId, settings: FeedSettingsOf<T> },
		/// Governance changed a feed's settings; its open round starts over.
		FeedUpdated { feed: FeedId, settings: FeedSettingsOf<T> },
		/// A submitter's observation entered the open round.
		ValueSubmitted { feed: FeedId, round: u32, submitter: T::AccountId, value: FixedU128, observed_at: u64 },
		/// Submissions older than the feed's maximum age left the open round.
		StaleSubmissionsDropped { feed: FeedId, round: u32, dropped: u32 },
		/// The round reached its quorum; `median` is its lower middle
		/// observation.
		RoundClosed { feed: FeedId, round: u32, median: PricePoint, submissions: u32 },
		/// The round's median is not newer than the last accepted value (a
		/// manual price overtook it) and was dropped.
		RoundDiscarded { feed: FeedId, round: u32 },
		/// The round's median moved more than the feed's limit from the last
		/// accepted value: it waits for the committee.
		ValueHeld { feed: FeedId, round: u32, value: PricePoint, last: FixedU128, deviation: FixedU128 },
		/// The committee approved the held median.
		HeldApproved { feed: FeedId, round: u32, by: T::AccountId },
		/// The committee rejected the held median.
		HeldRejected { feed: FeedId, round: u32, value: PricePoint, by: T::AccountId },
		/// The NAV waits for the depositary's sign-off.
		AwaitingSignOff { feed: FeedId, value: PricePoint, source: ValueSource },
		/// A depositary signed the waiting NAV off.
		SignedOff { feed: FeedId, value: PricePoint, by: T::AccountId },
		/// The value is the feed's current one and entered its history.
		ValueAccepted { feed: FeedId, value: PricePoint, source: ValueSource },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// No feed has this id.
		UnknownFeed,
		/// A feed with this id exists.
		FeedExists,
		/// The caller is not one of the feed's submitters.
		NotFeedSubmitter,
		/// The caller is a submitter of the feed but does not hold the
		/// OracleSubmitter role (revoked, or its identity lapsed).
		NotOracleSubmitter,
		/// The round was closed already.
		RoundFinished,
		/// The round is not open yet.
		RoundNotOpen,
		/// The caller already submitted to this round.
		AlreadySubmitted,
		/// A price of zero.
		ZeroPrice,
		/// The observation is later than the chain's clock allows.
		ObservationInFuture,
		/// The observation is older than the feed's maximum age.
		ObservationTooOld,
		/// The observation is not newer than the feed's last accepted value.
		ObservationNotNewer,
		/// The feed has no held median.
		NothingHeld,
		/// The held median is not the value the committee named.
		HeldValueMismatch,
		/// The feed has no NAV waiting for sign-off.
		NothingAwaitingSignOff,
		/// The waiting NAV is not the value the depositary named.
		SignOffValueMismatch,
		/// A currency code that is not three upper-case letters, or an FX
		/// pair of one currency.
		MalformedFeed,
		/// A quorum of zero or above the number of submitters.
		InvalidQuorum,
		/// A submitter listed twice.
		DuplicateSubmitter,
		/// A maximum age of zero.
		ZeroMaxAge,
		/// A deviation limit of zero would hold every change.
		ZeroDeviationLimit,
		/// More submitters than `MaxSubmitters`.
		TooManySubmitters,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Registers `feed` with `settings`. Emits `FeedRegistered`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::register_feed(T::MaxSubmitters::get()))]
		pub fn register_feed(origin: OriginFor<T>, feed: FeedId, settings: FeedSettingsOf<T>) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_register_feed(feed, settings)
		}

		/// Replaces `feed`'s settings (submitters, quorum, age, deviation,
		/// sign-off). The open round starts over, since its submissions were
		/// made under the old settings; the history, the held median and a
		/// NAV awaiting sign-off stay. Emits `FeedUpdated`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::update_feed(T::MaxSubmitters::get()))]
		pub fn update_feed(origin: OriginFor<T>, feed: FeedId, settings: FeedSettingsOf<T>) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_update_feed(feed, settings)
		}

		/// Submits an observation of `feed` for its open `round`: `value`
		/// observed at `observed_at` (Unix ms). The caller must be one of the
		/// feed's submitters and hold the OracleSubmitter role; the
		/// observation must be neither in the future nor older than the
		/// feed's maximum age, and newer than the last accepted value. Emits
		/// `ValueSubmitted`; the submission that reaches the quorum closes
		/// the round (`RoundClosed`) and its median is accepted
		/// (`ValueAccepted`), held (`ValueHeld`), left for sign-off
		/// (`AwaitingSignOff`) or discarded (`RoundDiscarded`).
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::submit(T::MaxSubmitters::get()))]
		pub fn submit(
			origin: OriginFor<T>,
			feed: FeedId,
			round: u32,
			value: FixedU128,
			observed_at: u64,
		) -> DispatchResultWithPostInfo {
			let submitter = ensure_signed(origin)?;
			let submitters = Self::do_submit(submitter, feed, round, value, observed_at)?;
			Ok(Some(T::WeightInfo::submit(submitters)).into())
		}

		/// Applies `feed`'s held median, which must be `value` (the committee
		/// approves what it saw). Emits `HeldApproved` and `ValueAccepted`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::approve_held())]
		pub fn approve_held(origin: OriginFor<T>, feed: FeedId, value: FixedU128) -> DispatchResult {
			let by = T::ApprovalOrigin::ensure_origin(origin)?;
			Self::do_approve_held(by, feed, value)
		}

		/// Drops `feed`'s held median. Emits `HeldRejected`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::reject_held())]
		pub fn reject_held(origin: OriginFor<T>, feed: FeedId) -> DispatchResult {
			let by = T::ApprovalOrigin::ensure_origin(origin)?;
			Self::do_reject_held(by, feed)
		}

		/// The fallback when the submitters are down: the committee's price
		/// for `feed`, observed now. Emits `ValueAccepted` (source `Manual`).
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::set_manual_price())]
		pub fn set_manual_price(origin: OriginFor<T>, feed: FeedId, value: FixedU128) -> DispatchResult {
			T::ApprovalOrigin::ensure_origin(origin)?;
			Self::do_set_manual_price(feed, value)
		}

		/// A depositary signs off `feed`'s waiting NAV, which must be `value`.
		/// Emits `SignedOff` and `ValueAccepted`.
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::sign_off())]
		pub fn sign_off(origin: OriginFor<T>, feed: FeedId, value: FixedU128) -> DispatchResult {
			let by = T::SignOffOrigin::ensure_origin(origin)?;
			Self::do_sign_off(by, feed, value)
		}
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state()
		}
	}
}
