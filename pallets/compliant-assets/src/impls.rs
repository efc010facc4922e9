//! What this pallet offers the rest of the runtime: compliant movement,
//! issue and burn of permissioned assets for other pallets, and an origin for
//! asset agents.

use crate::{pallet::*, types::AgentRole};
use core::marker::PhantomData;
use frame_support::{
	pallet_prelude::{DispatchError, DispatchResult},
	traits::{fungibles::Inspect, EnsureOriginWithArg, Get},
	weights::Weight,
};
use frame_system::RawOrigin;
use tokenize_primitives::{AssetHoldings, ComplianceTransfer, PermissionedSupply};

impl<T: Config> ComplianceTransfer<T::AccountId, T::AssetId, T::Balance> for Pallet<T> {
	fn is_permissioned(asset: &T::AssetId) -> bool {
		Rules::<T>::contains_key(asset)
	}

	fn can_transfer(
		asset: &T::AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: T::Balance,
	) -> DispatchResult {
		Pallet::<T>::can_transfer(*asset, from, to, amount)
	}

	fn transfer(
		asset: &T::AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: T::Balance,
	) -> Result<Weight, DispatchError> {
		Self::do_transfer(*asset, from, to, amount).map(|movement| movement.observed)
	}

	fn settle(
		asset: &T::AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: T::Balance,
	) -> Result<Weight, DispatchError> {
		Self::do_settle(*asset, from, to, amount)
	}

	fn force_move(
		asset: &T::AssetId,
		from: &T::AccountId,
		to: &T::AccountId,
		amount: T::Balance,
	) -> Result<Weight, DispatchError> {
		Self::do_force_move(*asset, from, to, amount)
	}

	fn movement_observers_most() -> Weight {
		Self::observers_most(2)
	}
}

/// The mint escrow's (and later the fund vaults') issue and burn: the same
/// checks and bookkeeping as [`Pallet::mint`] and [`Pallet::burn`], with the
/// managing pallet's `issuer` as the agent.
impl<T: Config> PermissionedSupply<T::AccountId, T::AssetId, T::Balance> for Pallet<T> {
	fn is_permissioned(asset: &T::AssetId) -> bool {
		Rules::<T>::contains_key(asset)
	}

	fn issue(asset: &T::AssetId, to: &T::AccountId, amount: T::Balance, issuer: &T::AccountId) -> DispatchResult {
		Self::do_mint(issuer.clone(), *asset, to.clone(), amount)
	}

	fn destroy(asset: &T::AssetId, from: &T::AccountId, amount: T::Balance, issuer: &T::AccountId) -> DispatchResult {
		Self::do_burn(issuer.clone(), *asset, from.clone(), amount)
	}

	fn retract(asset: &T::AssetId, from: &T::AccountId, amount: T::Balance, issuer: &T::AccountId) -> DispatchResult {
		Self::do_retract(issuer.clone(), *asset, from.clone(), amount)
	}

	fn restore(asset: &T::AssetId, to: &T::AccountId, amount: T::Balance, issuer: &T::AccountId) -> DispatchResult {
		Self::do_restore(issuer.clone(), *asset, to.clone(), amount)
	}

	fn total_issuance(asset: &T::AssetId) -> T::Balance {
		T::Assets::total_issuance(*asset)
	}
}

/// Balances, decimals and documents, as the fund vaults read them.
impl<T: Config> AssetHoldings<T::AccountId, T::AssetId, T::Balance> for Pallet<T> {
	fn balance(asset: &T::AssetId, who: &T::AccountId) -> T::Balance {
		T::Assets::balance(*asset, who)
	}

	fn spendable(asset: &T::AssetId, who: &T::AccountId) -> T::Balance {
		Self::spendable(asset, who)
	}

	fn decimals(asset: &T::AssetId) -> Option<u8> {
		Profiles::<T>::get(asset).map(|profile| profile.decimals)
	}

	fn document_hash(asset: &T::AssetId, name: &[u8]) -> Option<[u8; 32]> {
		let name = crate::DocumentNameOf::<T>::try_from(name.to_vec()).ok()?;
		Documents::<T>::get(asset, name).map(|document| document.hash)
	}
}

/// Accepts a signed origin whose account is a verified agent of the asset
/// holding role `R`, and yields that account. The freeze pallet's freeze and
/// confiscation origins are this with `AgentRole::Freeze` and
/// `AgentRole::ForcedTransfer`, so the separation of duties enforced when
/// agents are appointed holds there too.
pub struct EnsureAssetAgent<T, R>(PhantomData<(T, R)>);

impl<T: Config, R: Get<AgentRole>> EnsureOriginWithArg<T::RuntimeOrigin, T::AssetId>
	for EnsureAssetAgent<T, R>
{
	type Success = T::AccountId;

	fn try_origin(o: T::RuntimeOrigin, asset: &T::AssetId) -> Result<T::AccountId, T::RuntimeOrigin> {
		match o.into() {
			Ok(RawOrigin::Signed(who)) if Pallet::<T>::is_active_agent(asset, &who, R::get()) => Ok(who),
			Ok(other) => Err(other.into()),
			Err(o) => Err(o),
		}
	}

	/// Appoints a fresh verified account agent of `asset` with role `R`.
	#[cfg(feature = "runtime-benchmarks")]
	fn try_successful_origin(asset: &T::AssetId) -> Result<T::RuntimeOrigin, ()> {
		use crate::types::{AgentRoles, BenchmarkHelper};
		let who: T::AccountId = frame_benchmarking::account("asset-agent", 0, 0);
		T::BenchmarkHelper::make_compliant(&who);
		Agents::<T>::insert(asset, &who, AgentRoles::from_roles(&[R::get()]));
		Ok(RawOrigin::Signed(who).into())
	}
}
