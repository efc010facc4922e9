//! # Compliant assets (ERC-3643 over pallet-assets)
//!
//! Tokenized money and securities on the consortium chain — USDC, EURC, the
//! EUR deposit token, fund shares — are *permissioned assets*: they may only be
//! held by, and move between, identities that passed KYC and that the asset's
//! own rules admit. This pallet is the shell (the ERC-3643 "T-REX" token
//! contract) around the balances that pallet-assets keeps:
//!
//! - a permissioned asset is created here, in pallet-assets, owned by this
//!   pallet's account (derived from `PalletId`), *sufficient* (holders need no
//!   native balance) with a minimum balance of one unit. Nobody holds that
//!   account's key, so no pallet-assets privileged call can touch the asset,
//!   and the runtime's call filter refuses ordinary pallet-assets calls on it
//!   (it asks [`tokenize_primitives::ComplianceTransfer::is_permissioned`]);
//! - every movement goes through the checks below, and every pallet that moves
//!   a permissioned asset (escrow, funds, confiscation) does so through the
//!   [`tokenize_primitives::ComplianceTransfer`] this pallet provides, so the
//!   holder count and the rules hold on every path.
//!
//! ## The transfer checks
//!
//! An ordinary transfer is refused with the first failing check, each with its
//! own error:
//!
//! 1. the asset is permissioned here (`UnknownAsset`), the amount is not zero
//!    (`ZeroAmount`) and sender and receiver differ (`SelfTransfer`);
//! 2. the circuit breaker is open for the asset (`ChainPaused`,
//!    `AssetPaused`) and neither party's address is frozen by the freeze
//!    pallet (`AddressFrozen`);
//! 3. the sender passes the identity registry's compliance check
//!    (`SenderNotRegistered` … `SenderJurisdictionBlocked`), then the receiver
//!    (`Receiver…`);
//! 4. the asset's rules: lock-up (`LockedUp`), the receiver's jurisdiction
//!    (`ReceiverJurisdictionNotAllowed`, `ReceiverJurisdictionBlockedForAsset`)
//!    and MiFID II category (`ReceiverCategoryTooLow`), the holder cap
//!    (`MaxHoldersReached`) and the balance cap (`MaxBalanceExceeded`);
//! 5. the amount is within the sender's *spendable* balance — the balance less
//!    what the freeze pallet holds frozen and less the provisional deposit
//!    tokens of uncleared SEPA credits and less what the payment rail holds
//!    for the sender's pending payments and less fund shares locked for its
//!    redemption requests (`UnclearedDeposit`, `EscrowedForPayment` or
//!    `LockedForRedemption` when only that part is missing, `AddressFrozen`
//!    for a frozen address, otherwise `InsufficientSpendableBalance`);
//! 6. the breaker's throttle for transfers of the asset (`Throttled` while
//!    it is tripped, `AccountLimitReached` when the sender's own window is
//!    full).
//!
//! [`Pallet::can_transfer`] runs the same checks without moving or counting
//! anything (ERC-1404): it returns exactly the error the transfer would fail
//! with, so bank middleware can pre-check before signing.
//!
//! ## Agents and separation of duties
//!
//! The governance council appoints *agents* per asset, each with a set of
//! [`AgentRole`]s: `Supply` (mint, burn), `Freeze` (the freeze pallet's
//! freeze/unfreeze origin), `ForcedTransfer` (move a holding without the
//! holder, frozen amounts included) and `Recovery` (move a lost wallet's
//! holding to the holder's new wallet). One account may never hold both
//! `Freeze` and `ForcedTransfer` on an asset: otherwise one key could freeze a
//! holding and then take it. Agents must themselves hold a verified identity.
//!
//! A forced transfer may take frozen amounts: it asks the freeze pallet to
//! release exactly the shortfall above the spendable balance, so the release
//! is recorded there. A recovery moves the freeze entries to the new wallet
//! *before* moving the balance, so a frozen amount never becomes spendable.
//! A recovery agent alone can never pick where a holding goes: the new wallet
//! must be the same legal entity as the lost one (the same LEI, which two
//! verifiers attested), or governance must have linked the two wallets for
//! this asset with [`Pallet::set_recovery_link`] (natural persons carry no
//! LEI; the link is the council's co-signature on the agent's off-chain
//! proof, and serves one recovery). The lost wallet itself must not be
//! sanctioned, in a blocked jurisdiction or frozen (a recovery is no way
//! around an enforcement action), and the asset's lock-up holds for a
//! recovery as for any transfer.
//!
//! ## Custodian banks (operators)
//!
//! A bank that custodies its customers' wallets submits their transfers in
//! batches under its own signature ([`Pallet::operator_transfer`]): one
//! signature and one transaction for up to `MaxBatchSize` legs instead of
//! one per customer. The customer's consent is on chain: the holder's
//! [`Pallet::authorize_operator`] names the bank (which must be a verified
//! bank) for one asset, and [`Pallet::revoke_operator`] withdraws it at any
//! time; nobody else can grant or take it. Each leg is then checked exactly
//! as the holder's own transfer, including the holder's throttle window. A
//! refused leg moves nothing and is reported with its error
//! (`OperatorTransferRefused`), while the batch's other legs stand, like
//! the payment status report of a bank's batch file.
//!
//! ## Deposit tokens
//!
//! The mint escrow alone issues and destroys a deposit token (through
//! [`tokenize_primitives::PermissionedSupply`], with the same receiver checks
//! and throttles as [`Pallet::mint`]); a supply agent's `mint` and `burn` are
//! refused for it (`SupplyManagedByMintEscrow`), since they would bypass the
//! depositary's backing check. Provisional deposit tokens never move: not by
//! transfer, forced transfer or recovery (`UnclearedDeposit`), and
//! pallet-assets, whose freezer counts them as frozen, refuses every other
//! debit.
//!
//! ## What a transfer is charged
//!
//! A transfer is declared at its worst case: the receiver's holding opens
//! (pallet-assets creates its account and a sufficient reference on its
//! system account) and the sender's closes. Most transfers of a payment
//! system move between two holders, which costs a good deal less, so the
//! call reports the weight of the `*_between_holders` benchmark when no
//! holding opened or closed; a batch is charged that weight plus the worst
//! case's extra for each leg that did (an operator batch also for each
//! refused leg). The block admits the next transaction against what was
//! charged, and the fee follows it.
//!
//! Before any holding changes, the `HoldingObserver` is told (a fund that
//! distributes yield settles the holder's accrual), and only it knows what
//! that cost. The benchmarks run on an asset no observer works for; every
//! movement (issue, burn, each kind of transfer) declares on top the
//! observer's most for each of its parties, and a transfer is charged what
//! the observer reported (a refused operator leg, the most).
//!
//! ## Calls
//!
//! | call | origin | emits |
//! |---|---|---|
//! | [`Pallet::create_asset`] | `AssetAdminOrigin` (governance council) | `AssetCreated` |
//! | [`Pallet::set_rules`] | `AssetAdminOrigin` | `RulesSet` |
//! | [`Pallet::add_agent`] | `AssetAdminOrigin` | `AgentAppointed` |
//! | [`Pallet::remove_agent`] | `AssetAdminOrigin` | `AgentRemoved` |
//! | [`Pallet::set_document`] | `AssetAdminOrigin` | `DocumentSet` |
//! | [`Pallet::remove_document`] | `AssetAdminOrigin` | `DocumentRemoved` |
//! | [`Pallet::set_recovery_link`] | `AssetAdminOrigin` | `RecoveryLinkSet` |
//! | [`Pallet::mint`] | `Supply` agent of the asset | `Minted` |
//! | [`Pallet::burn`] | `Supply` agent of the asset | `Burned` |
//! | [`Pallet::transfer`] | any signed holder | `Transferred` |
//! | [`Pallet::batch_transfer`] | any signed holder | `Transferred` per leg |
//! | [`Pallet::authorize_operator`] | any signed holder | `OperatorAuthorized` |
//! | [`Pallet::revoke_operator`] | any signed holder | `OperatorRevoked` |
//! | [`Pallet::operator_transfer`] | a verified bank the legs' holders authorised | `Transferred` / `OperatorTransferRefused` per leg, `OperatorBatchExecuted` |
//! | [`Pallet::forced_transfer`] | `ForcedTransfer` agent of the asset | `ForcedTransfer` |
//! | [`Pallet::recover`] | `Recovery` agent of the asset | `WalletRecovered` |
//!
//! ## Provides
//!
//! - [`tokenize_primitives::ComplianceTransfer`] (`is_permissioned`,
//!   `can_transfer`, `transfer`, `force_move`) for the other pallets;
//! - [`EnsureAssetAgent`], an `EnsureOriginWithArg` over the asset id that
//!   accepts a verified agent holding a given role: the freeze pallet's
//!   freeze and confiscation origins are wired to it.

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

pub use impls::EnsureAssetAgent;
pub use types::*;
pub use weights::WeightInfo;

#[frame_support::pallet]
pub mod pallet {
	use super::*;
	use alloc::vec::Vec;
	use frame_support::{
		pallet_prelude::*,
		traits::{fungibles, tokens::Balance as BalanceTrait, UnixTime},
		PalletId,
	};
	use frame_system::pallet_prelude::*;
	use sp_runtime::traits::MaybeSerializeDeserialize;
	use tokenize_primitives::{
		Breaker, Compliance, DepositTokens, Freezes, Jurisdiction, OnHoldingChange, PaymentEscrow, RedemptionLocks,
	};

	/// Jurisdiction list of a stored rule set.
	pub type JurisdictionsOf<T> = BoundedVec<Jurisdiction, <T as Config>::MaxJurisdictionRules>;
	/// Rules as stored.
	pub type RulesOf<T> = AssetRules<<T as Config>::Balance, JurisdictionsOf<T>>;
	/// Rules as a call takes them: an over-long list is refused with a named error.
	pub type RulesInputOf<T> = AssetRules<<T as Config>::Balance, Vec<Jurisdiction>>;
	/// Asset name or symbol as stored.
	pub type TextOf<T> = BoundedVec<u8, <T as Config>::StringLimit>;
	/// Document name as stored.
	pub type DocumentNameOf<T> = BoundedVec<u8, <T as Config>::MaxDocumentNameLen>;
	/// Document as stored.
	pub type DocumentOf<T> = Document<BoundedVec<u8, <T as Config>::MaxUriLen>>;

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
		/// Asset identifier, as pallet-assets knows it (serde for the genesis
		/// config).
		type AssetId: Member + Parameter + Copy + MaxEncodedLen + Ord + MaybeSerializeDeserialize;
		/// Asset balance, as pallet-assets knows it.
		type Balance: BalanceTrait + Parameter + Member + MaybeSerializeDeserialize;
		/// The balances: pallet-assets. Its `Freezer` must be the freeze pallet,
		/// so spendable = balance − frozen on every path.
		type Assets: fungibles::Inspect<Self::AccountId, AssetId = Self::AssetId, Balance = Self::Balance>
			+ fungibles::Mutate<Self::AccountId>
			+ fungibles::Create<Self::AccountId>;
		/// The identity registry.
		type Compliance: Compliance<Self::AccountId>;
		/// The circuit breaker: pauses and throttles.
		type Breaker: Breaker<Self::AssetId, Self::AccountId, Self::Balance>;
		/// The freeze pallet: amount-level freezes.
		type Freezes: Freezes<Self::AssetId, Self::AccountId, Self::Balance>;
		/// The mint escrow: which assets it alone issues, and the provisional
		/// (not yet cleared) part of a holding, which nothing may move.
		type DepositTokens: DepositTokens<Self::AssetId, Self::AccountId, Self::Balance>;
		/// The payment rail: amounts escrowed in a sender's account for its
		/// pending payments, which only the rail moves or releases.
		type PaymentEscrow: PaymentEscrow<Self::AssetId, Self::AccountId, Self::Balance>;
		/// The fund vaults: shares locked in their holder's account for its
		/// redemption requests, which only the fund burns or unlocks.
		type RedemptionLocks: RedemptionLocks<Self::AssetId, Self::AccountId, Self::Balance>;
		/// Told before any holding changes, with the old balance still in
		/// place (a fund settles its holders' yield accrual).
		type HoldingObserver: OnHoldingChange<Self::AssetId, Self::AccountId>;
		/// Creates assets, sets rules, appoints agents, publishes documents
		/// (the governance council).
		type AssetAdminOrigin: EnsureOrigin<Self::RuntimeOrigin, Success = Self::AccountId>;
		/// Wall-clock time, for lock-ups and document dates.
		type TimeProvider: UnixTime;
		/// Derives the account that owns every permissioned asset in pallet-assets.
		#[pallet::constant]
		type PalletId: Get<PalletId>;
		/// Most legs of one `batch_transfer`.
		#[pallet::constant]
		type MaxBatchSize: Get<u32>;
		/// Most documents per asset.
		#[pallet::constant]
		type MaxDocuments: Get<u32>;
		/// Longest document name, in bytes.
		#[pallet::constant]
		type MaxDocumentNameLen: Get<u32>;
		/// Longest document URI, in bytes.
		#[pallet::constant]
		type MaxUriLen: Get<u32>;
		/// Most jurisdictions in each of a rule set's allowed and blocked lists.
		#[pallet::constant]
		type MaxJurisdictionRules: Get<u32>;
		/// Longest asset name or symbol, in bytes.
		#[pallet::constant]
		type StringLimit: Get<u32>;
		/// Most freeze entries one holding may carry (the freeze pallet's
		/// `MaxEntriesPerHolding`): a forced transfer releases and a recovery
		/// re-keys up to this many, so their weight is charged for it.
		#[pallet::constant]
		type MaxFreezeEntriesPerHolding: Get<u32>;
		/// Most custodian banks one holder may authorise as operators of its
		/// holding of one asset (bounds the state a holder can create).
		#[pallet::constant]
		type MaxOperators: Get<u32>;
		/// Weights from this pallet's benchmarks.
		type WeightInfo: WeightInfo;
		/// Sets up identities and freezes for the benchmarks.
		#[cfg(feature = "runtime-benchmarks")]
		type BenchmarkHelper: BenchmarkHelper<Self::AccountId, Self::AssetId, Self::Balance>;
	}

	/// The rules of each permissioned asset; an asset is permissioned exactly
	/// when it has an entry here.
	#[pallet::storage]
	pub type Rules<T: Config> = StorageMap<_, Blake2_128Concat, T::AssetId, RulesOf<T>, OptionQuery>;

	/// Name, symbol and decimals of each permissioned asset.
	#[pallet::storage]
	pub type Profiles<T: Config> =
		StorageMap<_, Blake2_128Concat, T::AssetId, AssetProfile<TextOf<T>>, OptionQuery>;

	/// Number of accounts holding a non-zero balance of each asset.
	#[pallet::storage]
	pub type HolderCount<T: Config> = StorageMap<_, Blake2_128Concat, T::AssetId, u32, ValueQuery>;

	/// The roles of each agent of each asset.
	#[pallet::storage]
	pub type Agents<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AssetId,
		Blake2_128Concat,
		T::AccountId,
		AgentRoles,
		OptionQuery,
	>;

	/// ERC-1643 documents of each asset, by name.
	#[pallet::storage]
	pub type Documents<T: Config> = StorageDoubleMap<
		_,
		Blake2_128Concat,
		T::AssetId,
		Blake2_128Concat,
		DocumentNameOf<T>,
		DocumentOf<T>,
		OptionQuery,
	>;

	/// Number of documents of each asset (bounded by `MaxDocuments`).
	#[pallet::storage]
	pub type DocumentCount<T: Config> = StorageMap<_, Blake2_128Concat, T::AssetId, u32, ValueQuery>;

	/// Governance's link from a lost wallet's holding of an asset to the
	/// wallet it may be recovered to, when the two are not one legal entity.
	/// Written only by governance and used up by the recovery it allows.
	#[pallet::storage]
	pub type RecoveryLinks<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AssetId, Blake2_128Concat, T::AccountId, T::AccountId, OptionQuery>;

	/// The operators of a holding as stored.
	pub type OperatorsOf<T> = BoundedVec<<T as frame_system::Config>::AccountId, <T as Config>::MaxOperators>;
	/// A leg of an operator batch as a call takes it.
	pub type OperatorLegOf<T> = OperatorLeg<<T as frame_system::Config>::AccountId, <T as Config>::Balance>;

	/// The custodian banks each holder authorised to transfer its holding of
	/// each asset under their own signature. Written only by the holder
	/// (`authorize_operator`, `revoke_operator`); at most `MaxOperators`.
	#[pallet::storage]
	pub type Operators<T: Config> =
		StorageDoubleMap<_, Blake2_128Concat, T::AssetId, Blake2_128Concat, T::AccountId, OperatorsOf<T>, ValueQuery>;

	/// A genesis asset as the chain spec states it.
	pub type GenesisAssetOf<T> =
		GenesisAsset<<T as Config>::AssetId, <T as frame_system::Config>::AccountId, <T as Config>::Balance>;

	#[pallet::genesis_config]
	#[derive(frame_support::DefaultNoBound)]
	pub struct GenesisConfig<T: Config> {
		/// Permissioned assets that exist from genesis, with their agents and
		/// first holdings.
		pub assets: Vec<GenesisAssetOf<T>>,
	}

	#[pallet::genesis_build]
	impl<T: Config> BuildGenesisConfig for GenesisConfig<T> {
		fn build(&self) {
			for asset in &self.assets {
				if let Err(e) = Pallet::<T>::build_genesis_asset(asset) {
					// A chain spec with a broken asset must not start.
					let reason: &'static str = e.into();
					#[allow(clippy::panic)]
					{
						core::panic!("compliant-assets genesis: asset {:?}: {reason}", asset.id);
					}
				}
			}
		}
	}

	#[pallet::event]
	#[pallet::generate_deposit(pub(super) fn deposit_event)]
	pub enum Event<T: Config> {
		/// A permissioned asset was created in pallet-assets, owned by this pallet.
		AssetCreated {
			asset: T::AssetId,
			name: TextOf<T>,
			symbol: TextOf<T>,
			decimals: u8,
			rules: RulesOf<T>,
		},
		/// An asset's rules were replaced.
		RulesSet { asset: T::AssetId, rules: RulesOf<T> },
		/// An account was appointed agent of an asset, or its roles changed.
		AgentAppointed { asset: T::AssetId, who: T::AccountId, roles: AgentRoles },
		/// An account is no longer an agent of an asset.
		AgentRemoved { asset: T::AssetId, who: T::AccountId },
		/// A document was attached to an asset or replaced.
		DocumentSet {
			asset: T::AssetId,
			name: DocumentNameOf<T>,
			uri: BoundedVec<u8, T::MaxUriLen>,
			hash: DocumentHash,
		},
		/// A document was removed from an asset.
		DocumentRemoved { asset: T::AssetId, name: DocumentNameOf<T> },
		/// A supply agent issued `amount` to `to`.
		Minted { asset: T::AssetId, to: T::AccountId, amount: T::Balance, agent: T::AccountId },
		/// A supply agent destroyed `amount` of `from`'s holding.
		Burned { asset: T::AssetId, from: T::AccountId, amount: T::Balance, agent: T::AccountId },
		/// A compliant transfer between holders.
		Transferred { asset: T::AssetId, from: T::AccountId, to: T::AccountId, amount: T::Balance },
		/// A forced-transfer agent moved `amount` without the holder; `released`
		/// of it was frozen and released by the freeze pallet for this move.
		ForcedTransfer {
			asset: T::AssetId,
			from: T::AccountId,
			to: T::AccountId,
			amount: T::Balance,
			released: T::Balance,
			agent: T::AccountId,
		},
		/// A recovery agent moved a lost wallet's whole holding, `frozen` of it
		/// still frozen, to the holder's new wallet.
		WalletRecovered {
			asset: T::AssetId,
			lost: T::AccountId,
			new: T::AccountId,
			amount: T::Balance,
			frozen: T::Balance,
			agent: T::AccountId,
		},
		/// Governance linked the lost wallet `lost`'s holding of `asset` to
		/// `new` for one recovery, or removed the link (`new` is `None`).
		RecoveryLinkSet { asset: T::AssetId, lost: T::AccountId, new: Option<T::AccountId> },
		/// Another pallet moved `amount` by privilege (a confiscation).
		ForceMoved { asset: T::AssetId, from: T::AccountId, to: T::AccountId, amount: T::Balance },
		/// `holder` authorised the bank `operator` to transfer its holding of
		/// `asset` on its behalf.
		OperatorAuthorized { asset: T::AssetId, holder: T::AccountId, operator: T::AccountId },
		/// `holder` withdrew `operator`'s authorisation.
		OperatorRevoked { asset: T::AssetId, holder: T::AccountId, operator: T::AccountId },
		/// Leg `index` of `operator`'s batch was refused with `error` and
		/// moved nothing; the batch's other legs stand.
		OperatorTransferRefused {
			asset: T::AssetId,
			operator: T::AccountId,
			index: u32,
			from: T::AccountId,
			to: T::AccountId,
			amount: T::Balance,
			error: DispatchError,
		},
		/// `operator`'s batch ran: `transferred` legs moved (each with its
		/// `Transferred`), `refused` legs were refused.
		OperatorBatchExecuted { asset: T::AssetId, operator: T::AccountId, transferred: u32, refused: u32 },
	}

	#[pallet::error]
	pub enum Error<T> {
		/// The asset is not a permissioned asset of this pallet.
		UnknownAsset,
		/// The asset is already a permissioned asset.
		AssetAlreadyExists,
		/// The id is taken by an asset pallet-assets already holds.
		AssetIdInUse,
		/// The asset name is empty.
		EmptyName,
		/// The asset name is longer than `StringLimit`.
		NameTooLong,
		/// The asset symbol is empty.
		EmptySymbol,
		/// The asset symbol is longer than `StringLimit`.
		SymbolTooLong,
		/// A jurisdiction list is longer than `MaxJurisdictionRules`.
		TooManyJurisdictionRules,
		/// A jurisdiction is not two upper-case ASCII letters (ISO 3166-1 alpha-2).
		MalformedJurisdiction,
		/// A jurisdiction is both allowed and blocked.
		JurisdictionAllowedAndBlocked,
		/// A holder or balance cap of zero would close the asset; pause it instead.
		ZeroLimit,
		/// A role bit that names no agent role.
		UnknownAgentRole,
		/// An agent needs at least one role.
		NoAgentRoles,
		/// Separation of duties: one account may not hold both the freeze and the
		/// forced-transfer role on an asset.
		FreezeAndForcedTransferCombined,
		/// Agents must hold a verified, unsanctioned identity (appointment and every act).
		AgentNotVerified,
		/// The account is not an agent of the asset.
		NotAnAgent,
		/// The caller is not an agent holding the role this call needs.
		MissingAgentRole,
		/// The document name is empty.
		EmptyDocumentName,
		/// The document name is longer than `MaxDocumentNameLen`.
		DocumentNameTooLong,
		/// The document URI is longer than `MaxUriLen`.
		UriTooLong,
		/// The asset already has `MaxDocuments` documents.
		TooManyDocuments,
		/// The asset has no document of that name.
		UnknownDocument,
		/// The amount is zero.
		ZeroAmount,
		/// Sender and receiver are the same account.
		SelfTransfer,
		/// Breaker level 1: the chain is paused.
		ChainPaused,
		/// Breaker level 2: the asset is paused.
		AssetPaused,
		/// A party's address is frozen (freeze pallet): it may neither send
		/// nor receive.
		AddressFrozen,
		/// Breaker level 3: the throttle of this kind of operation on this
		/// asset tripped and is cooling down.
		Throttled,
		/// Breaker level 3: the initiating account used up its own window of
		/// this kind of operation on this asset.
		AccountLimitReached,
		/// The sender has no identity.
		SenderNotRegistered,
		/// The sender's identity awaits verification.
		SenderPending,
		/// The sender's identity was revoked.
		SenderRevoked,
		/// The sender's KYC expired.
		SenderExpired,
		/// The sender is sanctioned.
		SenderSanctioned,
		/// The sender's jurisdiction is blocked by the consortium.
		SenderJurisdictionBlocked,
		/// The receiver has no identity.
		ReceiverNotRegistered,
		/// The receiver's identity awaits verification.
		ReceiverPending,
		/// The receiver's identity was revoked.
		ReceiverRevoked,
		/// The receiver's KYC expired.
		ReceiverExpired,
		/// The receiver is sanctioned.
		ReceiverSanctioned,
		/// The receiver's jurisdiction is blocked by the consortium.
		ReceiverJurisdictionBlocked,
		/// The asset is in its lock-up period.
		LockedUp,
		/// The receiver's jurisdiction is not in the asset's allowed list.
		ReceiverJurisdictionNotAllowed,
		/// The receiver's jurisdiction is in the asset's blocked list.
		ReceiverJurisdictionBlockedForAsset,
		/// The receiver's MiFID II category is below the asset's minimum.
		ReceiverCategoryTooLow,
		/// The transfer would raise the number of holders above the asset's cap.
		MaxHoldersReached,
		/// The receiver's balance would exceed the asset's cap.
		MaxBalanceExceeded,
		/// The amount exceeds the sender's balance less its frozen amounts.
		InsufficientSpendableBalance,
		/// The amount exceeds the holder's balance.
		InsufficientBalance,
		/// The freeze pallet released less than the forced transfer needs.
		FrozenAmountNotReleased,
		/// A batch needs at least one leg.
		EmptyBatch,
		/// A batch has more legs than `MaxBatchSize`.
		BatchTooLarge,
		/// The mint would overflow the asset's total supply.
		SupplyOverflow,
		/// The holder count would overflow.
		HolderCountOverflow,
		/// The lost wallet holds nothing of the asset.
		NothingToRecover,
		/// The new wallet is neither the same legal entity as the lost one nor
		/// linked to it by governance.
		RecoveryTargetMismatch,
		/// The lost wallet is sanctioned: its holding stays where it is.
		LostWalletSanctioned,
		/// The lost wallet's jurisdiction is blocked: its holding stays where
		/// it is, as for an ordinary transfer.
		LostWalletJurisdictionBlocked,
		/// There is no recovery link for this wallet to remove.
		NoRecoveryLink,
		/// The lost wallet is frozen at address level; the freeze must be dealt
		/// with before the holding can move.
		LostWalletAddressFrozen,
		/// The amount reaches into deposit tokens minted for a SEPA credit
		/// that has not cleared yet: nothing may move them until it clears.
		UnclearedDeposit,
		/// The mint escrow alone issues and destroys this deposit token.
		SupplyManagedByMintEscrow,
		/// The amount reaches into what the payment rail holds for the
		/// holder's pending payments: only their release or refund moves it.
		EscrowedForPayment,
		/// The amount reaches into fund shares locked for the holder's
		/// redemption requests: only their claim or cancellation moves them.
		LockedForRedemption,
		/// An operator must be a verified, unsanctioned bank (`Bank` role).
		OperatorNotAVerifiedBank,
		/// The bank is already an operator of this holding.
		OperatorAlreadyAuthorized,
		/// The holding already has `MaxOperators` operators.
		TooManyOperators,
		/// The account is not an operator of this holding.
		NotAnOperator,
		/// A holder needs no operator for its own holding.
		OperatorIsHolder,
	}

	#[pallet::call]
	impl<T: Config> Pallet<T> {
		/// Create a permissioned asset `id` in pallet-assets, owned by this
		/// pallet, sufficient, with a minimum balance of one unit.
		///
		/// Origin: `AssetAdminOrigin`. Emits `AssetCreated`.
		#[pallet::call_index(0)]
		#[pallet::weight(T::WeightInfo::create_asset())]
		pub fn create_asset(
			origin: OriginFor<T>,
			id: T::AssetId,
			name: Vec<u8>,
			symbol: Vec<u8>,
			decimals: u8,
			rules: RulesInputOf<T>,
		) -> DispatchResult {
			T::AssetAdminOrigin::ensure_origin(origin)?;
			Self::do_create_asset(id, name, symbol, decimals, rules)
		}

		/// Replace an asset's rules. Existing holdings are not affected; the
		/// new rules apply to every later movement.
		///
		/// Origin: `AssetAdminOrigin`. Emits `RulesSet`.
		#[pallet::call_index(1)]
		#[pallet::weight(T::WeightInfo::set_rules())]
		pub fn set_rules(origin: OriginFor<T>, asset: T::AssetId, rules: RulesInputOf<T>) -> DispatchResult {
			T::AssetAdminOrigin::ensure_origin(origin)?;
			Self::do_set_rules(asset, rules)
		}

		/// Appoint `who` agent of `asset` with exactly the roles in `roles`
		/// (bit set of [`AgentRole`]), replacing any roles it had.
		///
		/// Origin: `AssetAdminOrigin`. Emits `AgentAppointed`.
		#[pallet::call_index(2)]
		#[pallet::weight(T::WeightInfo::add_agent())]
		pub fn add_agent(
			origin: OriginFor<T>,
			asset: T::AssetId,
			who: T::AccountId,
			roles: u8,
		) -> DispatchResult {
			T::AssetAdminOrigin::ensure_origin(origin)?;
			Self::do_add_agent(asset, who, roles)
		}

		/// Withdraw every role of `who` on `asset`.
		///
		/// Origin: `AssetAdminOrigin`. Emits `AgentRemoved`.
		#[pallet::call_index(3)]
		#[pallet::weight(T::WeightInfo::remove_agent())]
		pub fn remove_agent(origin: OriginFor<T>, asset: T::AssetId, who: T::AccountId) -> DispatchResult {
			T::AssetAdminOrigin::ensure_origin(origin)?;
			Self::do_remove_agent(asset, who)
		}

		/// Attach (or replace) the document `name` of `asset` (ERC-1643).
		///
		/// Origin: `AssetAdminOrigin`. Emits `DocumentSet`.
		#[pallet::call_index(4)]
		#[pallet::weight(T::WeightInfo::set_document())]
		pub fn set_document(
			origin: OriginFor<T>,
			asset: T::AssetId,
			name: Vec<u8>,
			uri: Vec<u8>,
			hash: DocumentHash,
		) -> DispatchResult {
			T::AssetAdminOrigin::ensure_origin(origin)?;
			Self::do_set_document(asset, name, uri, hash)
		}

		/// Remove the document `name` of `asset`.
		///
		/// Origin: `AssetAdminOrigin`. Emits `DocumentRemoved`.
		#[pallet::call_index(5)]
		#[pallet::weight(T::WeightInfo::remove_document())]
		pub fn remove_document(origin: OriginFor<T>, asset: T::AssetId, name: Vec<u8>) -> DispatchResult {
			T::AssetAdminOrigin::ensure_origin(origin)?;
			Self::do_remove_document(asset, name)
		}

		/// Issue `amount` of `asset` to `to`, which must pass the receiver-side
		/// checks (compliance, jurisdiction, category, caps), the breaker and the
		/// mint throttle. Refused for deposit tokens (the mint escrow issues them).
		///
		/// Origin: a `Supply` agent of `asset`. Emits `Minted`.
		#[pallet::call_index(6)]
		#[pallet::weight(Pallet::<T>::with_observers(T::WeightInfo::mint(), 1))]
		pub fn mint(
			origin: OriginFor<T>,
			asset: T::AssetId,
			to: T::AccountId,
			#[pallet::compact] amount: T::Balance,
		) -> DispatchResult {
			let agent = Self::ensure_agent(origin, &asset, AgentRole::Supply)?;
			Self::ensure_supply_not_managed(&asset)?;
			Self::do_mint(agent, asset, to, amount)
		}

		/// Destroy `amount` of `from`'s spendable holding of `asset`. Refused for
		/// deposit tokens (redeemed through the mint escrow).
		///
		/// Origin: a `Supply` agent of `asset`. Emits `Burned`.
		#[pallet::call_index(7)]
		#[pallet::weight(Pallet::<T>::with_observers(T::WeightInfo::burn(), 1))]
		pub fn burn(
			origin: OriginFor<T>,
			asset: T::AssetId,
			from: T::AccountId,
			#[pallet::compact] amount: T::Balance,
		) -> DispatchResult {
			let agent = Self::ensure_agent(origin, &asset, AgentRole::Supply)?;
			Self::ensure_supply_not_managed(&asset)?;
			Self::do_burn(agent, asset, from, amount)
		}

		/// Send `amount` of `asset` to `to` after every check listed in the
		/// pallet documentation.
		///
		/// Declared at the worst case (the receiver's holding opened, the
		/// sender's closed, the observers' most); charged
		/// `transfer_between_holders` when both held the asset before and
		/// after, plus what the observers reported.
		///
		/// Origin: signed (the sender). Emits `Transferred`.
		#[pallet::call_index(8)]
		#[pallet::weight(Pallet::<T>::with_observers(T::WeightInfo::transfer(), 2))]
		pub fn transfer(
			origin: OriginFor<T>,
			asset: T::AssetId,
			to: T::AccountId,
			#[pallet::compact] amount: T::Balance,
		) -> DispatchResultWithPostInfo {
			let from = ensure_signed(origin)?;
			let movement = Self::do_transfer(asset, &from, &to, amount)?;
			Ok(Some(Self::transfer_weight(movement)).into())
		}

		/// Several transfers of one asset from the caller, all or nothing: the
		/// first refused leg fails the call and no leg moves.
		///
		/// Declared with every leg at the worst case; charged the
		/// between-holders weight for the legs that opened or closed no
		/// holding.
		///
		/// Origin: signed (the sender). Emits `Transferred` for each leg.
		#[pallet::call_index(9)]
		#[pallet::weight(Pallet::<T>::batch_declared(T::WeightInfo::batch_transfer, transfers.len()))]
		pub fn batch_transfer(
			origin: OriginFor<T>,
			asset: T::AssetId,
			transfers: Vec<(T::AccountId, T::Balance)>,
		) -> DispatchResultWithPostInfo {
			let from = ensure_signed(origin)?;
			Ok(Some(Self::do_batch_transfer(asset, from, transfers)?).into())
		}

		/// Move `amount` of `from`'s holding to `to` without `from`'s signature
		/// (court order, error correction). Frozen amounts may be taken: the
		/// freeze pallet releases the shortfall above the spendable balance.
		/// The receiver must pass the receiver-side checks.
		///
		/// Origin: a `ForcedTransfer` agent of `asset`. Emits `ForcedTransfer`.
		#[pallet::call_index(10)]
		#[pallet::weight(Pallet::<T>::with_observers(T::WeightInfo::forced_transfer(T::MaxFreezeEntriesPerHolding::get()), 2))]
		pub fn forced_transfer(
			origin: OriginFor<T>,
			asset: T::AssetId,
			from: T::AccountId,
			to: T::AccountId,
			#[pallet::compact] amount: T::Balance,
		) -> DispatchResult {
			let agent = Self::ensure_agent(origin, &asset, AgentRole::ForcedTransfer)?;
			Self::do_forced_transfer(agent, asset, from, to, amount)
		}

		/// Move the whole holding of the lost wallet `lost` to `new`, a
		/// verified wallet of the same legal entity or linked to `lost` by
		/// governance; its freeze entries move first, so frozen amounts stay
		/// frozen. Refused for a sanctioned or frozen lost wallet and during
		/// the asset's lock-up.
		///
		/// Origin: a `Recovery` agent of `asset`. Emits `WalletRecovered`.
		#[pallet::call_index(11)]
		#[pallet::weight(Pallet::<T>::with_observers(T::WeightInfo::recover(T::MaxFreezeEntriesPerHolding::get()), 2))]
		pub fn recover(
			origin: OriginFor<T>,
			asset: T::AssetId,
			lost: T::AccountId,
			new: T::AccountId,
		) -> DispatchResult {
			let agent = Self::ensure_agent(origin, &asset, AgentRole::Recovery)?;
			Self::do_recover(agent, asset, lost, new)
		}

		/// Link the lost wallet `lost`'s holding of `asset` to `new`, the
		/// wallet a recovery agent may move it to once, or remove the link
		/// (`new` = `None`). Needed when the two wallets are not one legal
		/// entity (natural persons); `new` must be a registered identity.
		///
		/// Origin: `AssetAdminOrigin`. Emits `RecoveryLinkSet`.
		#[pallet::call_index(12)]
		#[pallet::weight(T::WeightInfo::set_recovery_link())]
		pub fn set_recovery_link(
			origin: OriginFor<T>,
			asset: T::AssetId,
			lost: T::AccountId,
			new: Option<T::AccountId>,
		) -> DispatchResult {
			T::AssetAdminOrigin::ensure_origin(origin)?;
			Self::do_set_recovery_link(asset, lost, new)
		}

		/// Authorise the bank `operator` to transfer the caller's holding of
		/// `asset` on the caller's behalf (a custodian submitting its
		/// customers' transfers under its own signature). The authorisation
		/// stays on chain until the holder revokes it; every transfer made
		/// under it is still checked as the holder's own.
		///
		/// Origin: signed (the holder). Emits `OperatorAuthorized`.
		#[pallet::call_index(13)]
		#[pallet::weight(T::WeightInfo::authorize_operator())]
		pub fn authorize_operator(origin: OriginFor<T>, asset: T::AssetId, operator: T::AccountId) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::do_authorize_operator(asset, holder, operator)
		}

		/// Withdraw `operator`'s authorisation over the caller's holding of
		/// `asset`; takes effect for every later batch.
		///
		/// Origin: signed (the holder). Emits `OperatorRevoked`.
		#[pallet::call_index(14)]
		#[pallet::weight(T::WeightInfo::revoke_operator())]
		pub fn revoke_operator(origin: OriginFor<T>, asset: T::AssetId, operator: T::AccountId) -> DispatchResult {
			let holder = ensure_signed(origin)?;
			Self::do_revoke_operator(asset, holder, operator)
		}

		/// A custodian bank's batch of its customers' transfers of `asset`:
		/// each leg moves `amount` of `from`'s holding to `to`, where `from`
		/// authorised the caller (or is the caller). Each leg is checked
		/// exactly as `from`'s own `transfer` (every compliance rule, the
		/// sender's throttle window), on the state the earlier legs left. A
		/// refused leg moves nothing and is reported; the others stand, as
		/// in a pain.001 batch whose status report rejects single payments.
		///
		/// Declared with every leg at the worst case; charged the
		/// between-holders weight for the legs that moved without opening or
		/// closing a holding (a refused leg is charged as a worst-case one).
		///
		/// Origin: signed, a verified unsanctioned bank. Emits `Transferred`
		/// per leg moved, `OperatorTransferRefused` per leg refused, then
		/// `OperatorBatchExecuted`.
		#[pallet::call_index(15)]
		#[pallet::weight(Pallet::<T>::batch_declared(T::WeightInfo::operator_transfer, legs.len()))]
		pub fn operator_transfer(
			origin: OriginFor<T>,
			asset: T::AssetId,
			legs: Vec<OperatorLegOf<T>>,
		) -> DispatchResultWithPostInfo {
			let operator = ensure_signed(origin)?;
			Ok(Some(Self::do_operator_transfer(asset, operator, legs)?).into())
		}
	}
}
