//! Read-only views behind the compliance runtime API.

use crate::{
	AccountId, AssetId, Assets, Balance, CircuitBreaker, CompliantAssets, Freeze, IdentityRegistry,
	MintEscrow, Runtime, System,
};
use alloc::string::String;
use frame_support::traits::{
	fungibles::Inspect,
	tokens::{Fortitude, Preservation},
	PalletInfoAccess,
};
use sp_runtime::DispatchError;
use tokenize_primitives::{
	runtime_api::{SpendableBalance, TransferRefusal},
	DepositTokens, Freezes,
};

/// The named error a transfer would fail with, as `Pallet::Error`.
pub fn refusal(error: DispatchError) -> TransferRefusal {
	match error {
		DispatchError::Module(module) => {
			let pallet = pallet_name(module.index);
			let name = alloc::format!("{pallet}::{}", module.message.unwrap_or("Unknown"));
			TransferRefusal { pallet_index: module.index, error_index: module.error[0], name }
		},
		other => TransferRefusal { pallet_index: 0, error_index: 0, name: String::from(<&'static str>::from(other)) },
	}
}

/// The runtime name of the pallets whose errors a transfer can surface.
fn pallet_name(index: u8) -> &'static str {
	let pallets = [
		(CompliantAssets::index(), CompliantAssets::name()),
		(MintEscrow::index(), MintEscrow::name()),
		(crate::Payments::index(), crate::Payments::name()),
		(crate::Tmmf::index(), crate::Tmmf::name()),
		(crate::Tmf::index(), crate::Tmf::name()),
		(crate::NavOracle::index(), crate::NavOracle::name()),
		(Assets::index(), Assets::name()),
		(Freeze::index(), Freeze::name()),
		(CircuitBreaker::index(), CircuitBreaker::name()),
		(IdentityRegistry::index(), IdentityRegistry::name()),
		(System::index(), System::name()),
	];
	pallets
		.into_iter()
		.find_map(|(i, name)| (i == usize::from(index)).then_some(name))
		.unwrap_or("Unknown")
}

/// Balance, spendable part and active freezes of one holding.
pub fn spendable_balance(asset: AssetId, who: &AccountId) -> SpendableBalance<Balance> {
	SpendableBalance {
		balance: <Assets as Inspect<AccountId>>::balance(asset, who),
		spendable: <Assets as Inspect<AccountId>>::reducible_balance(
			asset,
			who,
			Preservation::Expendable,
			Fortitude::Polite,
		),
		frozen: <Freeze as Freezes<AssetId, AccountId, Balance>>::summary(&asset, who),
		uncleared: <MintEscrow as DepositTokens<AssetId, AccountId, Balance>>::uncleared(&asset, who),
		escrowed: <crate::Payments as tokenize_primitives::PaymentEscrow<AssetId, AccountId, Balance>>::escrowed(
			&asset, who,
		),
	}
}

/// Every holding of `asset` (pallet-assets' accounts), for the liability tree.
pub fn holdings(asset: AssetId) -> alloc::vec::Vec<(AccountId, Balance)> {
	pallet_assets::Account::<Runtime>::iter_prefix(asset).map(|(who, account)| (who, account.balance)).collect()
}
