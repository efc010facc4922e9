//! # Mint escrow: tokenized EUR deposits
//!
//! A deposit token (EURD) is a bank's euro liability on chain: one token for
//! each euro a customer paid in by SEPA, held 1:1 in a segregated reserve
//! account at a custodian. This pallet is the only way such a token is
//! created or destroyed, and it keeps three promises:
//!
//! 1. **No token is spendable before its euro has cleared.** A SEPA credit can
//!    still be returned or recalled after it arrives. When the issuing bank's
//!    mint operator sees the credit it calls [`Pallet::record_deposit`] with
//!    its [`DepositRef`]: the tokens are minted to the
//!    customer *provisionally*. They count in the balance (and in the supply
//!    the depositary must back) but nothing can move them: the runtime gives
//!    pallet-assets a freezer that adds the provisional amount to the frozen
//!    amount of the holding, so every debit path (transfer, batch, burn,
//!    payment escrow, fund subscription, redemption) refuses it, and
//!    compliant-assets names the refusal `UnclearedDeposit` (forced transfers
//!    and recoveries included). [`Pallet::confirm_clearing`] makes them
//!    spendable; [`Pallet::reverse_deposit`] burns exactly the provisional
//!    amount when clearing failed (no asset pause or burn throttle stands in
//!    the way of taking back what was never spendable; an address freeze
//!    does: a frozen person's funds are not returned without the officer). A reference is used once, forever: a
//!    middleware retry of the same credit mints nothing and fails with
//!    `DepositReferenceUsed`. A deposit still provisional after the token's
//!    clearing window is listed as overdue by the runtime API, never burnt
//!    silently.
//! 2. **A token can always be turned back into a euro.** A holder calls
//!    [`Pallet::redeem`] with a hash of the IBAN to pay (never the IBAN in
//!    clear): the spendable tokens are burnt at once and a redemption is
//!    recorded. The issuer confirms the SEPA payout ([`Pallet::confirm_payout`])
//!    or reports it failed ([`Pallet::fail_payout`]), in which case the amount
//!    is given back to the holder (the euro never left the reserve; nothing
//!    refuses a refund, and a sanctioned holder's refund stays immobile by
//!    its standing). Each redemption is settled exactly once; a holder has
//!    at most `MaxOpenRedemptions` open per token.
//! 3. **Every token is backed, and an independent depositary says so.** The
//!    depositary (a different legal entity from the issuer, holding the
//!    `Depositary` role) attests the reserve's fiat balance with
//!    [`Pallet::attest_backing`], together with the root of a Merkle tree of
//!    every holder's balance at a block (`as_of`) and the hash of its signed
//!    report. Minting is refused when the supply (provisional tokens
//!    included) and the open redemptions (burnt, but their euros are still
//!    in the reserve and owed), plus what was paid out of the reserve since
//!    the attestation, plus the new amount, would exceed the attested fiat
//!    (`InsufficientBacking`): a failed payout's refund or a payout changes
//!    none of that sum, a mint raises it, a reversal lowers it, when the last attestation is older than the
//!    token's `max_attestation_age` (`AttestationStale`), and while the
//!    depositary has paused the token ([`Pallet::depositary_pause`]): only
//!    the depositary lifts its own pause, governance cannot replace the
//!    depositary while it stands, and no compliance action stops the
//!    depositary from pulling the brake. Minting also obeys the circuit
//!    breaker (global and asset pause, the mint throttle per window) through
//!    compliant-assets.
//!
//! ## Proof of reserve
//!
//! The liability tree has one leaf per holder of the token: the SCALE
//! encoding of `(account, balance)`, leaves ordered by the encoded account,
//! hashed with keccak-256 into a binary Merkle tree (polkadot-sdk's
//! `binary-merkle-tree`, the tree BEEFY uses). The runtime API rebuilds the
//! tree from chain state at any block, so an auditor running a read-only
//! node reproduces the depositary's root at `as_of`, and any holder can
//! check that its own balance is in the attested tree
//! ([`Pallet::verify_liability`]). When the token's supply has not changed
//! since `as_of`, the chain itself compares the attested liabilities with its
//! supply and emits `SupplyMismatch` when they differ; a fiat balance below
//! the supply emits `BackingShortfall` (and minting then stops by itself).
//!
//! ## Storage
//!
//! Deposits and redemptions are kept for good (a reference must stay used
//! forever, and a regulator reads both by key); each is written by a call
//! that moves real money, through the mint throttle and the senders'
//! transaction budgets, and a redemption is at least the token's
//! `min_redemption`. Provisional deposits are bounded per token
//! (`MaxPendingDeposits`), the attestation history per token
//! (`MaxAttestations`, oldest dropped).
//!
//! ## Calls
//!
//! | call | origin | emits |
//! |---|---|---|
//! | [`Pallet::set_deposit_token`] | `AdminOrigin` (governance council) | `DepositTokenSet` |
//! | [`Pallet::record_deposit`] | the token's issuer (MintOperator) | `DepositRecorded` |
//! | [`Pallet::confirm_clearing`] | the token's issuer | `DepositCleared` |
//! | [`Pallet::reverse_deposit`] | the token's issuer | `DepositReversed` |
//! | [`Pallet::redeem`] | any compliant holder | `RedemptionRequested` |
//! | [`Pallet::confirm_payout`] | the token's issuer | `PayoutConfirmed` |
//! | [`Pallet::fail_payout`] | the token's issuer | `PayoutFailed` |
//! | [`Pallet::attest_backing`] | the token's depositary (Depositary) | `BackingAttested`, `SupplyMismatch`, `BackingShortfall` |
//! | [`Pallet::depositary_pause`] | the token's depositary | `DepositaryPaused` |
//! | [`Pallet::depositary_resume`] | the token's depositary | `DepositaryResumed` |
//!
//! compliant-assets emits `Minted` / `Burned` for every issue and burn.
//!
//! ## Provides
//!
//! [`tokenize_primitives::DepositTokens`] (which assets this pallet issues,
//! and the provisional part of a holding) for compliant-assets, the freeze
//! pallet and the runtime's pallet-assets freezer; the functions behind the
//! deposits runtime API.

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

/// What the benchmarks need from the runtime: a permissioned asset and
/// identities holding roles.
#[cfg(feature = "runtime-benchmarks")]
pub trait BenchmarkHelper<AccountId, AssetId> {
	/// A permissioned asset that nobody issues yet.
	fn permissioned_asset() -> AssetId;
	/// Gives `who` a verified identity of its own legal entity holding `roles`.
	fn make_verified(who: &AccountId, roles: &[tokenize_primitives::Role]);
}

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{pallet_prelude::*, traits::tokens::Balance as BalanceTrait};
	use frame_system::pallet_prelude::*;
	use sp_core::H256;
	use sp_runtime::traits::MaybeSerializeDeserialize;
	use tokenize_primitives::{Compliance, FundShareClasses, PermissionedSupply};

	/// A deposit token's configuration as stored.
	pub type DepositTokenOf<T> =
		DepositToken<<T as frame_system::Config>::AccountId, <T as Config>::Balance, BlockNumberFor<T>>;
	/// A deposit as stored.
	pub type DepositOf<T> = Deposit<
		<T as frame_system::Config>::AccountId,
		<T as Config>::AssetId,
		<T as Config>::Balance,
		BlockNumberFor<T>,
	>;
	/// A redemption as stored.
	pub type RedemptionOf<T> = Redemption<
		<T as frame_system::Config>::AccountId,
		<T as Config>::AssetId,
		<T as Config>::Balance,
		BlockNumberFor<T>,
	>;
	/// An attestation as stored.
	pub type AttestationOf<T> = Attestation<<T as Config>::Balance, BlockNumberFor<T>>;
	/// A depositary's statement as a call gives it.
	pub type ReserveStatementOf<T> = ReserveStatement<<T as Config>::Balance, BlockNumberFor<T>>;

	const STORAGE_VERSION: StorageVersion = StorageVersion::new(0);

	#[pallet::pallet]
	#[pallet::storage_version(STORAGE_VERSION)]
	pub struct Pallet<T>(_);

	#[pallet::config]
	pub trait Config: frame_system::Config {
		/// The overarching event type.
		#[allow(deprecated)]
		type RuntimeEvent: From<Event<Self>> + IsType<<Self as frame_system::Config>::RuntimeEvent>;
		/// Asset identifier, as compliant-assets knows it.
		type AssetId: Member + Parameter + Copy + MaxEncodedLen + Ord + MaybeSerializeDeserialize;
		/// Asset balance, as compliant-assets knows it.
		type Balance: BalanceTrait + Parameter + Member + MaybeSerializeDeserialize + MaxEncodedLen;
		/// The identity registry: roles of issuers and depositaries, the
		/// redeemer's compliance.
		type Compliance: Compliance<Self::AccountId>;
		/// compliant-assets: issues and burns through its receiver checks,
		/// holder bookkeeping, breaker and throttles.
		type Supply: PermissionedSupply<Self::AccountId, Self::AssetId, Self::Balance>;
		/// The fund vaults: a fund's share class is no deposit token
		/// ([`Error::ShareClassOfAFund`]).
		type Funds: FundShareClasses<Self::AssetId>;
		/// Appoints a token's issuer and depositary (the governance council).
		type AdminOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Most provisional deposits one token may have at once.
		#[pallet::constant]
		type MaxPendingDeposits: Get<u32>;
		/// Attestations kept per token (the oldest is dropped).
		#[pallet::constant]
		type MaxAttestations: Get<u32>;
		/// Open (not yet paid or refunded) redemptions one holder may have
		/// per token: each is a record the issuer must settle.
		#[pallet::constant]
		type MaxOpenRedemptions: Get<u32>;
		/// The longest `max_attestation_age` governance may give a token: the
		/// staleness guard cannot be configured away.
		#[pallet::constant]
		type MaxAttestationAge: Get<BlockNumberFor<Self>>;
		/// Weights from this pallet's benchmarks.
		type WeightInfo: WeightInfo;
		/// Sets up assets and identities for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::AssetId>;
	}

	/// Each deposit token this pallet issues, with its issuer and depositary.
	#[pallet::storage]
	pub type DepositTokens<T: Config> = StorageMap<_, Blake2_128Concat, T::AssetId, DepositTokenOf<T>, OptionQuery>;

	/// Every deposit ever recorded, by reference (a reference is never reused).
	#[pallet::storage]
	pub type Deposits<T: Config> = StorageMap<_, Blake2_128Concat, DepositRef, DepositOf<T>, OptionQuery>;

	/// The provisional deposits of each token (for the overdue listing).
	#[pallet::storage]
	pub type PendingDeposits<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AssetId, Blake2_128Concat, DepositRef, (), OptionQuery>;

	/// Number of provisional deposits of each token (bounded by `MaxPendingDeposits`).
	#[pallet::storage]
	pub type PendingCount<T: Config> = StorageMap<_, Blake2_128Concat, T::AssetId, u32, ValueQuery>;

	/// The provisional part of each holding: minted, counted, not movable.
	#[pallet::storage]
	pub type Uncleared<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AssetId, Blake2_128Concat, T::AccountId, T::Balance, ValueQuery>;

	/// The provisional part of each token's supply.
	#[pallet::storage]
	pub type UnclearedTotal<T: Config> = StorageMap<_, Blake2_128Concat, T::AssetId, T::Balance, ValueQuery>;

	/// Every redemption, by id.
	#[pallet::storage]
	pub type Redemptions<T: Config> = StorageMap<_, Twox64Concat, RedemptionId, RedemptionOf<T>, OptionQuery>;

	/// The id the next redemption gets.
	#[pallet::storage]
	pub type NextRedemptionId<T: Config> = StorageValue<_, RedemptionId, ValueQuery>;

	/// Per token, the amount of open redemptions: burnt tokens whose euros
	/// are still in the reserve and owed to the redeemers.
	#[pallet::storage]
	pub type OutstandingRedemptions<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AssetId, T::Balance, ValueQuery>;

	/// Per token, what the issuer paid out of the reserve since the last
	/// attestation (the attested fiat no longer holds it).
	#[pallet::storage]
	pub type PaidSinceAttestation<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AssetId, T::Balance, ValueQuery>;

	/// Open redemptions of each holder of each token (bounded by
	/// `MaxOpenRedemptions`).
	#[pallet::storage]
	pub type OpenRedemptions<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AssetId, Blake2_128Concat, T::AccountId, u32, ValueQuery>;

	/// The last attestation of each token (what minting is checked against).
	#[pallet::storage]
	pub type LatestAttestation<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AssetId, AttestationOf<T>, OptionQuery>;

	/// The last `MaxAttestations` attestations of each token, oldest first.
	#[pallet::storage]
	pub type AttestationHistory<T: Config> = StorageMap<
		_,
		Blake2_128Concat,
		T::AssetId,
		BoundedVec<AttestationOf<T>, T::MaxAttestations>,
		ValueQuery,
	>;

	/// Tokens whose depositary paused minting, with the block of the pause.
	#[pallet::storage]
	pub type DepositaryPauses<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AssetId, BlockNumberFor<T>, OptionQuery>;

	/// The last block in which each token's supply changed through this
	/// pallet (so an attestation can tell whether its `as_of` supply is
	/// still the supply now).
	#[pallet::storage]
	pub type SupplyChangedAt<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AssetId, BlockNumberFor<T>, OptionQuery>;

	/// A deposit token as the chain spec states it, with its first attestation.
	#[derive(Clone, PartialEq, Eq, Debug, serde::Serialize, serde::Deserialize)]
	#[serde(rename_all = "camelCase")]
	pub struct GenesisDepositToken<AssetId, AccountId, Balance, BlockNumber> {
		pub asset: AssetId,
		pub token: DepositToken<AccountId, Balance, BlockNumber>,
		/// The depositary's statement as of block 0: the reserve's fiat and
		/// the genesis liability tree (computed by the preset with
		/// [`Pallet::liability_tree`]).
		pub statement: ReserveStatement<Balance, BlockNumber>,
	}

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Deposit tokens issued from genesis, each with an attestation as of
		/// block 0 (their permissioned assets and holdings come from
		/// compliant-assets' genesis, built before this pallet's).
		pub tokens: Vec<GenesisDepositToken<T::AssetId, T::AccountId, T::Balance, BlockNumberFor<T>>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for token in &self.tokens {
				if let Err(e) = Pallet::<T>::build_genesis_token(token) {
					// A chain spec with a broken deposit token must not start.
					let reason: &'static str = e.into();
					#[allow(clippy::panic)]
					{
						core::panic!("mint-escrow genesis: asset {:?}: {reason}", token.asset);
					}
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// Governance made `asset` a deposit token or changed its issuer,
		/// depositary, reserve account or limits.
		DepositTokenSet { asset: T::AssetId, token: DepositTokenOf<T> },
		/// A SEPA credit was turned into provisional tokens.
		DepositRecorded { deposit_ref: DepositRef, asset: T::AssetId, receiver: T::AccountId, amount: T::Balance },
		/// The credit cleared: the deposit's tokens are spendable.
		DepositCleared { deposit_ref: DepositRef, asset: T::AssetId, receiver: T::AccountId, amount: T::Balance },
		/// The credit did not clear: the deposit's provisional tokens were burnt.
		DepositReversed {
			deposit_ref: DepositRef,
			asset: T::AssetId,
			receiver: T::AccountId,
			amount: T::Balance,
			reason: ReversalReason,
		},
		/// A holder burnt `amount` for a SEPA payout to the account hashed in
		/// `payout_account`.
		RedemptionRequested {
			id: RedemptionId,
			asset: T::AssetId,
			holder: T::AccountId,
			amount: T::Balance,
			payout_account: H256,
		},
		/// The issuer paid the redemption out (SEPA reference hash `sepa_ref`).
		PayoutConfirmed { id: RedemptionId, sepa_ref: H256 },
		/// The payout failed and `amount` was issued back to `holder`.
		PayoutFailed { id: RedemptionId, reason: PayoutFailure, holder: T::AccountId, amount: T::Balance },
		/// The depositary attested the reserve, beside the chain's own figures.
		BackingAttested { asset: T::AssetId, attestation: AttestationOf<T> },
		/// The attested liabilities differ from the chain's supply at `as_of`.
		SupplyMismatch { asset: T::AssetId, attested: T::Balance, on_chain: T::Balance },
		/// The attested fiat is below what the token owes (supply and open
		/// redemptions): minting stops until it is not.
		BackingShortfall { asset: T::AssetId, fiat_balance: T::Balance, owed: T::Balance },
		/// The depositary stopped all minting of the token.
		DepositaryPaused { asset: T::AssetId, depositary: T::AccountId },
		/// The depositary lifted its pause.
		DepositaryResumed { asset: T::AssetId, depositary: T::AccountId },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The asset is not a deposit token of this pallet.
		UnknownDepositToken,
		/// The asset is not a permissioned asset of compliant-assets.
		NotPermissioned,
		/// The asset is a fund's share class, which its fund vault issues
		/// against subscriptions: no reserve backs it.
		ShareClassOfAFund,
		/// The issuer does not hold the `MintOperator` role.
		IssuerNotMintOperator,
		/// The depositary does not hold the `Depositary` role.
		DepositaryLacksRole,
		/// The depositary is the issuer or the same legal entity as the issuer.
		DepositaryNotIndependent,
		/// A clearing window, attestation age or minimum redemption of zero,
		/// or an attestation age above `MaxAttestationAge`.
		InvalidPolicy,
		/// The depositary's pause stands: nobody replaces the depositary
		/// until it lifts it.
		DepositaryPauseInForce,
		/// The holder already has `MaxOpenRedemptions` open redemptions of
		/// this token.
		TooManyOpenRedemptions,
		/// The caller is not the token's issuer.
		NotIssuer,
		/// The caller is not the token's depositary.
		NotDepositary,
		/// The amount is zero.
		ZeroAmount,
		/// The deposit reference was used before: nothing is minted twice.
		DepositReferenceUsed,
		/// No deposit has this reference.
		UnknownDeposit,
		/// The deposit was already cleared or reversed.
		DepositNotPending,
		/// The token already has `MaxPendingDeposits` provisional deposits.
		TooManyPendingDeposits,
		/// The depositary has never attested this token's backing.
		NoAttestation,
		/// The last attestation is older than the token's `max_attestation_age`.
		AttestationStale,
		/// What the token owes (supply, open redemptions, payouts since the
		/// attestation) plus the amount would exceed the last attested fiat.
		InsufficientBacking,
		/// The depositary has paused minting of this token.
		PausedByDepositary,
		/// The token is already paused by its depositary.
		AlreadyPaused,
		/// The token is not paused by its depositary.
		NotPaused,
		/// The redemption is below the token's `min_redemption`.
		BelowMinimumRedemption,
		/// The redeeming holder has no valid verified identity.
		RedeemerNotVerified,
		/// The redeeming holder is sanctioned.
		RedeemerSanctioned,
		/// The redeeming holder's jurisdiction is blocked.
		RedeemerJurisdictionBlocked,
		/// No redemption has this id.
		UnknownRedemption,
		/// The redemption was already paid or refunded.
		RedemptionSettled,
		/// `as_of` is a block that does not exist yet.
		AsOfInFuture,
		/// `as_of` is before the last attestation's: attestations move forward.
		AttestationOutOfOrder,
		/// A counter or total would overflow.
		Overflow,
	}

	#[pallet::hooks]
	impl<T: Config> Hooks<BlockNumberFor<T>> for Pallet<T> {
		#[cfg(feature = "try-runtime")]
		fn try_state(_n: BlockNumberFor<T>) -> Result<(), sp_runtime::TryRuntimeError> {
			Self::do_try_state().map_err(Into::into)
		}
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Make `asset` (a permissioned asset) a deposit token issued by
		/// `token.issuer` and attested by `token.depositary`, or change its
		/// configuration. The issuer must hold `MintOperator`, the depositary
		/// `Depositary`, and they must be different legal entities; the
		/// attestation age is at most `MaxAttestationAge`. While the
		/// depositary's pause stands, the depositary cannot be replaced.
		///
		/// Origin: `AdminOrigin`. Emits `DepositTokenSet`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::set_deposit_token())]
		pub fn set_deposit_token(origin: OriginFor<T>, asset: T::AssetId, token: DepositTokenOf<T>) -> DispatchResult {
			T::AdminOrigin::ensure_origin(origin)?;
			Self::do_set_deposit_token(asset, token)
		}

		/// Record the SEPA credit `deposit_ref` of `amount` for `receiver`:
		/// mints provisional tokens, after the backing checks, the receiver's
		/// compliance and the asset's rules, the breaker and the mint throttle.
		///
		/// Origin: the token's issuer. Emits `DepositRecorded` (and
		/// compliant-assets' `Minted`).
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::record_deposit())]
		pub fn record_deposit(
			origin: OriginFor<T>,
			asset: T::AssetId,
			receiver: T::AccountId,
			#[pallet::compact] amount: T::Balance,
			deposit_ref: DepositRef,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_record_deposit(who, asset, receiver, amount, deposit_ref)
		}

		/// The credit `deposit_ref` cleared: its tokens become spendable.
		///
		/// Origin: the token's issuer. Emits `DepositCleared`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::confirm_clearing())]
		pub fn confirm_clearing(origin: OriginFor<T>, deposit_ref: DepositRef) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_confirm_clearing(who, deposit_ref)
		}

		/// The credit `deposit_ref` did not clear: burns exactly its
		/// provisional tokens.
		///
		/// Origin: the token's issuer. Emits `DepositReversed` (and
		/// compliant-assets' `Burned`).
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::reverse_deposit())]
		pub fn reverse_deposit(origin: OriginFor<T>, deposit_ref: DepositRef, reason: ReversalReason) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_reverse_deposit(who, deposit_ref, reason)
		}

		/// Burn `amount` of the caller's spendable tokens for a SEPA payout to
		/// the account whose IBAN hashes to `payout_account`.
		///
		/// Origin: signed, a compliant holder. Emits `RedemptionRequested`
		/// (and compliant-assets' `Burned`).
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::redeem())]
		pub fn redeem(
			origin: OriginFor<T>,
			asset: T::AssetId,
			#[pallet::compact] amount: T::Balance,
			payout_account: H256,
		) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::do_redeem(holder, asset, amount, payout_account)
		}

		/// The payout of redemption `id` was made (SEPA reference hash `sepa_ref`).
		///
		/// Origin: the token's issuer. Emits `PayoutConfirmed`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::confirm_payout())]
		pub fn confirm_payout(origin: OriginFor<T>, id: RedemptionId, sepa_ref: H256) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_confirm_payout(who, id, sepa_ref)
		}

		/// The payout of redemption `id` failed: its amount is given back to
		/// the holder. Nothing new is owed (the euro never left the reserve),
		/// so no backing check, pause or receiver rule refuses it.
		///
		/// Origin: the token's issuer. Emits `PayoutFailed` (and
		/// compliant-assets' `Minted`).
		#[pallet::call_index(6)]
		#[pallet::weight(T::WeightInfo::fail_payout())]
		pub fn fail_payout(origin: OriginFor<T>, id: RedemptionId, reason: PayoutFailure) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_fail_payout(who, id, reason)
		}

		/// Attest that the reserve holds `fiat_balance` for `asset`, and that
		/// the liability tree of every holder's balance at block `as_of` has
		/// root `reserve_root` and total `liabilities` (report hash
		/// `report_hash`). The chain records its own supply beside it.
		///
		/// Origin: the token's depositary. Emits `BackingAttested`, and
		/// `SupplyMismatch` / `BackingShortfall` when they apply.
		#[pallet::call_index(7)]
		#[pallet::weight(T::WeightInfo::attest_backing())]
		pub fn attest_backing(
			origin: OriginFor<T>,
			asset: T::AssetId,
			fiat_balance: T::Balance,
			liabilities: T::Balance,
			reserve_root: H256,
			report_hash: H256,
			as_of: BlockNumberFor<T>,
		) -> DispatchResult {
			let who = ensure_signed(origin)?;
			let statement = ReserveStatement { fiat_balance, liabilities, reserve_root, report_hash, as_of };
			Self::do_attest_backing(who, asset, statement)
		}

		/// Stop all minting of `asset` until the depositary lifts the pause.
		/// A brake nobody can take away: the depositary pulls it whatever its
		/// KYC expiry, sanctions or jurisdiction (short of a revocation).
		///
		/// Origin: the token's depositary. Emits `DepositaryPaused`.
		#[pallet::call_index(8)]
		#[pallet::weight(T::WeightInfo::depositary_pause())]
		pub fn depositary_pause(origin: OriginFor<T>, asset: T::AssetId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_depositary_pause(who, asset)
		}

		/// Lift the depositary's pause of `asset`. Lifting enables minting, so
		/// it needs the depositary in good standing.
		///
		/// Origin: the token's depositary (nobody else). Emits `DepositaryResumed`.
		#[pallet::call_index(9)]
		#[pallet::weight(T::WeightInfo::depositary_resume())]
		pub fn depositary_resume(origin: OriginFor<T>, asset: T::AssetId) -> DispatchResult {
			let who = ensure_signed(origin)?;
			Self::do_depositary_resume(who, asset)
		}
	}
}
