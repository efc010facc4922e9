//! Benchmarks for compliant assets (frame-benchmarking v2). Every movement
//! runs against the worst case: every asset rule set (the receiver's
//! jurisdiction last in a full allowed list, a full blocked list), a receiver
//! that becomes a new holder (and, for transfers, a sender whose holding
//! closes), and frozen amounts where the call reads them. The transfers'
//! `*_between_holders` variants measure what they are charged when no
//! holding opens or closes: the same rules, a sender keeping a partly
//! frozen holding, a receiver that already holds.

use super::*;
use crate::pallet::{Agents, DocumentCount, Documents, HolderCount, Operators, RecoveryLinks, Rules};
use alloc::{vec, vec::Vec};
use frame_benchmarking::v2::*;
use frame_support::{
	pallet_prelude::Get,
	traits::{fungibles::Inspect, EnsureOrigin, UnixTime},
};
use frame_system::RawOrigin;
use sp_runtime::traits::Bounded;
use tokenize_primitives::{Compliance, Jurisdiction};

const SEED: u32 = 0;

fn units<T: Config>(n: u32) -> T::Balance {
	T::Balance::from(n)
}

fn compliant<T: Config>(name: &'static str, index: u32) -> T::AccountId {
	let who: T::AccountId = account(name, index, SEED);
	T::BenchmarkHelper::make_compliant(&who);
	who
}

fn admin<T: Config>() -> Result<T::RuntimeOrigin, BenchmarkError> {
	T::AssetAdminOrigin::try_successful_origin().map_err(|_| BenchmarkError::Weightless)
}

/// Well-formed codes other than `except`, `AA`, `AB`, ...
fn other_jurisdictions(except: Jurisdiction) -> impl Iterator<Item = Jurisdiction> {
	(0u32..26 * 26)
		.map(|i| Jurisdiction([b'A' + (i / 26) as u8, b'A' + (i % 26) as u8]))
		.filter(move |j| *j != except)
}

/// Every rule set, all passed by `receiver`, each list full.
fn worst_rules<T: Config>(receiver: &T::AccountId) -> RulesInputOf<T> {
	let max = T::MaxJurisdictionRules::get() as usize;
	let own = T::Compliance::jurisdiction(receiver).unwrap_or(Jurisdiction(*b"DE"));
	let mut allowed: Vec<_> = other_jurisdictions(own).take(max.saturating_sub(1)).collect();
	allowed.push(own);
	let blocked = other_jurisdictions(own).skip(max).take(max).collect();
	AssetRules {
		max_holders: Some(u32::MAX),
		max_balance: Some(T::Balance::max_value()),
		allowed_jurisdictions: allowed,
		blocked_jurisdictions: blocked,
		min_category: T::Compliance::category(receiver),
		// Over already: the check runs, the transfer passes.
		lockup_until: Some(T::TimeProvider::now().as_secs()),
	}
}

fn text<T: Config>() -> Vec<u8> {
	vec![b'E'; T::StringLimit::get() as usize]
}

fn asset_with_rules<T: Config>(rules: RulesInputOf<T>) -> Result<T::AssetId, BenchmarkError> {
	let asset = T::BenchmarkHelper::asset_id();
	Pallet::<T>::do_create_asset(asset, text::<T>(), text::<T>(), 6, rules)?;
	T::BenchmarkHelper::throttle(&asset);
	Ok(asset)
}

fn agent<T: Config>(asset: &T::AssetId, role: AgentRole) -> T::AccountId {
	let who = compliant::<T>("agent", role as u32);
	Agents::<T>::insert(asset, &who, AgentRoles::from_roles(&[role]));
	who
}

fn issue<T: Config>(asset: T::AssetId, to: &T::AccountId, amount: T::Balance) -> Result<(), BenchmarkError> {
	let issuer: T::AccountId = account("issuer", 0, SEED);
	Pallet::<T>::do_mint(issuer, asset, to.clone(), amount)?;
	Ok(())
}

/// An asset under the worst rules, a sender holding 1 000 units of which
/// `frozen` are frozen in `entries` freeze entries, and a compliant
/// receiver holding nothing.
fn transfer_setup<T: Config>(
	frozen: u32,
	entries: u32,
) -> Result<(T::AssetId, T::AccountId, T::AccountId), BenchmarkError> {
	let from = compliant::<T>("sender", 0);
	let asset = asset_held_by::<T>(&from, 1_000)?;
	T::BenchmarkHelper::freeze(&asset, &from, units::<T>(frozen), entries);
	Ok((asset, from, compliant::<T>("receiver", 0)))
}

/// An asset under the worst rules (receiver 0's jurisdiction last in the
/// allowed list).
fn worst_asset<T: Config>() -> Result<T::AssetId, BenchmarkError> {
	asset_with_rules::<T>(worst_rules::<T>(&compliant::<T>("receiver", 0)))
}

/// The asset under the worst rules with `holder` holding `amount`.
fn asset_held_by<T: Config>(holder: &T::AccountId, amount: u32) -> Result<T::AssetId, BenchmarkError> {
	let asset = worst_asset::<T>()?;
	issue::<T>(asset, holder, units::<T>(amount))?;
	Ok(asset)
}

/// `n` receivers, numbered from 1, each already holding one unit of
/// `asset` when `holding`, otherwise holding nothing.
fn receivers<T: Config>(asset: T::AssetId, n: u32, holding: bool) -> Result<Vec<T::AccountId>, BenchmarkError> {
	(1..=n)
		.map(|i| {
			let to = compliant::<T>("receiver", i);
			if holding {
				issue::<T>(asset, &to, units::<T>(1))?;
			}
			Ok(to)
		})
		.collect()
}

/// `n` legs of `n` different customers of one bank, each with a full
/// operator list (the bank last). Worst case (`between_holders` false):
/// each customer sends its whole holding to a receiver holding nothing.
/// Otherwise each sends half of a holding whose other half is frozen to a
/// receiver that already holds.
fn operator_legs<T: Config>(
	n: u32,
	between_holders: bool,
) -> Result<(T::AssetId, T::AccountId, Vec<OperatorLegOf<T>>), BenchmarkError> {
	let asset = worst_asset::<T>()?;
	let operator = bank::<T>();
	let receivers = receivers::<T>(asset, n, between_holders)?;
	let mut legs = Vec::new();
	for (i, to) in (0u32..).zip(receivers) {
		let customer = compliant::<T>("customer", i);
		issue::<T>(asset, &customer, units::<T>(1_000))?;
		if between_holders {
			T::BenchmarkHelper::freeze(&asset, &customer, units::<T>(500), 1);
		}
		other_operators::<T>(&asset, &customer)?;
		Pallet::<T>::do_authorize_operator(asset, customer.clone(), operator.clone())?;
		let amount = units::<T>(if between_holders { 500 } else { 1_000 });
		legs.push(OperatorLeg { from: customer, to, amount });
	}
	Ok((asset, operator, legs))
}

/// `holder`'s holding of `asset` with `MaxOperators - 1` other banks as
/// operators: the next grant fills the list, and a lookup of the last one
/// scans it whole.
fn other_operators<T: Config>(asset: &T::AssetId, holder: &T::AccountId) -> Result<(), BenchmarkError> {
	for i in 0..T::MaxOperators::get().saturating_sub(1) {
		let bank: T::AccountId = account("other-bank", i, SEED);
		T::BenchmarkHelper::make_bank(&bank);
		Pallet::<T>::do_authorize_operator(*asset, holder.clone(), bank)?;
	}
	Ok(())
}

fn bank<T: Config>() -> T::AccountId {
	let who: T::AccountId = account("bank", 0, SEED);
	T::BenchmarkHelper::make_bank(&who);
	who
}

#[benchmarks]
mod benchmarks {
	use super::*;

	#[benchmark]
	fn create_asset() -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		let asset = T::BenchmarkHelper::asset_id();
		let rules = worst_rules::<T>(&compliant::<T>("receiver", 0));
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset, text::<T>(), text::<T>(), 6u8, rules);
		assert!(Rules::<T>::contains_key(asset));
		Ok(())
	}

	#[benchmark]
	fn set_rules() -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		let asset = asset_with_rules::<T>(AssetRules::default())?;
		let rules = worst_rules::<T>(&compliant::<T>("receiver", 0));
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset, rules);
		assert!(Rules::<T>::get(asset).is_some_and(|r| r.max_holders.is_some()));
		Ok(())
	}

	#[benchmark]
	fn add_agent() -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		let asset = asset_with_rules::<T>(AssetRules::default())?;
		let who = compliant::<T>("agent", 0);
		let roles = AgentRoles::from_roles(&[AgentRole::Supply, AgentRole::Freeze, AgentRole::Recovery]);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset, who.clone(), roles.bits());
		assert_eq!(Agents::<T>::get(asset, &who), Some(roles));
		Ok(())
	}

	#[benchmark]
	fn remove_agent() -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		let asset = asset_with_rules::<T>(AssetRules::default())?;
		let who = agent::<T>(&asset, AgentRole::Supply);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset, who.clone());
		assert!(!Agents::<T>::contains_key(asset, &who));
		Ok(())
	}

	#[benchmark]
	fn set_document() -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		let asset = asset_with_rules::<T>(AssetRules::default())?;
		let name = vec![b'd'; T::MaxDocumentNameLen::get() as usize];
		let uri = vec![b'u'; T::MaxUriLen::get() as usize];
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset, name, uri, [7u8; 32]);
		assert_eq!(DocumentCount::<T>::get(asset), 1);
		Ok(())
	}

	#[benchmark]
	fn remove_document() -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		let asset = asset_with_rules::<T>(AssetRules::default())?;
		let name = vec![b'd'; T::MaxDocumentNameLen::get() as usize];
		let uri = vec![b'u'; T::MaxUriLen::get() as usize];
		Pallet::<T>::do_set_document(asset, name.clone(), uri, [7u8; 32])?;
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset, name);
		assert_eq!(Documents::<T>::iter_prefix(asset).count(), 0);
		Ok(())
	}

	#[benchmark]
	fn mint() -> Result<(), BenchmarkError> {
		let to = compliant::<T>("receiver", 0);
		let asset = worst_asset::<T>()?;
		let supply = agent::<T>(&asset, AgentRole::Supply);
		#[extrinsic_call]
		_(RawOrigin::Signed(supply), asset, to.clone(), units::<T>(1_000));
		assert_eq!(T::Assets::balance(asset, &to), units::<T>(1_000));
		Ok(())
	}

	#[benchmark]
	fn burn() -> Result<(), BenchmarkError> {
		let (asset, from, _) = transfer_setup::<T>(0, 1)?;
		let supply = agent::<T>(&asset, AgentRole::Supply);
		// The whole holding: the account is reaped and the holder count falls.
		#[extrinsic_call]
		_(RawOrigin::Signed(supply), asset, from.clone(), units::<T>(1_000));
		assert_eq!(HolderCount::<T>::get(asset), 0);
		Ok(())
	}

	/// The sender's whole holding to a receiver holding nothing: one
	/// holding closes, one opens.
	#[benchmark]
	fn transfer() -> Result<(), BenchmarkError> {
		let from = compliant::<T>("sender", 0);
		let asset = asset_held_by::<T>(&from, 1_000)?;
		let to = compliant::<T>("receiver", 0);
		#[extrinsic_call]
		_(RawOrigin::Signed(from.clone()), asset, to.clone(), units::<T>(1_000));
		assert_eq!((T::Assets::balance(asset, &from), T::Assets::balance(asset, &to)), (units::<T>(0), units::<T>(1_000)));
		Ok(())
	}

	/// Half of a partly frozen holding to a receiver that already holds.
	#[benchmark]
	fn transfer_between_holders() -> Result<(), BenchmarkError> {
		let (asset, from, to) = transfer_setup::<T>(500, 1)?;
		issue::<T>(asset, &to, units::<T>(1))?;
		#[extrinsic_call]
		transfer(RawOrigin::Signed(from), asset, to.clone(), units::<T>(500));
		assert_eq!(T::Assets::balance(asset, &to), units::<T>(501));
		Ok(())
	}

	/// `n` legs of one unit to receivers holding nothing, from a sender
	/// holding `n` units: every leg opens a holding, the last one closes
	/// the sender's.
	#[benchmark]
	fn batch_transfer(n: Linear<1, { T::MaxBatchSize::get() }>) -> Result<(), BenchmarkError> {
		let from = compliant::<T>("sender", 0);
		let asset = asset_held_by::<T>(&from, n)?;
		let legs: Vec<_> = receivers::<T>(asset, n, false)?.into_iter().map(|to| (to, units::<T>(1))).collect();
		#[extrinsic_call]
		_(RawOrigin::Signed(from.clone()), asset, legs);
		assert_eq!((HolderCount::<T>::get(asset), T::Assets::balance(asset, &from)), (n, units::<T>(0)));
		Ok(())
	}

	/// `n` legs of one unit to receivers that already hold, from a sender
	/// keeping a partly frozen holding.
	#[benchmark]
	fn batch_transfer_between_holders(n: Linear<1, { T::MaxBatchSize::get() }>) -> Result<(), BenchmarkError> {
		let (asset, from, _) = transfer_setup::<T>(500, 1)?;
		let legs: Vec<_> = receivers::<T>(asset, n, true)?.into_iter().map(|to| (to, units::<T>(1))).collect();
		#[extrinsic_call]
		batch_transfer(RawOrigin::Signed(from), asset, legs);
		assert_eq!(HolderCount::<T>::get(asset), n.saturating_add(1));
		Ok(())
	}

	#[benchmark]
	fn forced_transfer(e: Linear<1, { T::MaxFreezeEntriesPerHolding::get() }>) -> Result<(), BenchmarkError> {
		// All of it frozen in `e` entries: every entry is released, the
		// sender reaped.
		let (asset, from, to) = transfer_setup::<T>(1_000, e)?;
		let enforcer = agent::<T>(&asset, AgentRole::ForcedTransfer);
		#[extrinsic_call]
		_(RawOrigin::Signed(enforcer), asset, from.clone(), to.clone(), units::<T>(1_000));
		assert_eq!(T::Assets::balance(asset, &to), units::<T>(1_000));
		Ok(())
	}

	#[benchmark]
	fn recover(e: Linear<1, { T::MaxFreezeEntriesPerHolding::get() }>) -> Result<(), BenchmarkError> {
		// Half of it frozen in `e` entries, every one re-keyed.
		let (asset, lost, new) = transfer_setup::<T>(500, e)?;
		let recovery = agent::<T>(&asset, AgentRole::Recovery);
		// Linked by governance: the link is read after the LEI comparison.
		RecoveryLinks::<T>::insert(asset, &lost, &new);
		#[extrinsic_call]
		_(RawOrigin::Signed(recovery), asset, lost.clone(), new.clone());
		assert_eq!(T::Assets::balance(asset, &new), units::<T>(1_000));
		Ok(())
	}

	#[benchmark]
	fn set_recovery_link() -> Result<(), BenchmarkError> {
		let origin = admin::<T>()?;
		let asset = asset_with_rules::<T>(AssetRules::default())?;
		let lost = compliant::<T>("lost", 0);
		let new = compliant::<T>("new", 0);
		#[extrinsic_call]
		_(origin as T::RuntimeOrigin, asset, lost.clone(), Some(new.clone()));
		assert_eq!(RecoveryLinks::<T>::get(asset, &lost), Some(new));
		Ok(())
	}

	#[benchmark]
	fn authorize_operator() -> Result<(), BenchmarkError> {
		let (asset, holder, _) = transfer_setup::<T>(0, 1)?;
		other_operators::<T>(&asset, &holder)?;
		let operator = bank::<T>();
		#[extrinsic_call]
		_(RawOrigin::Signed(holder.clone()), asset, operator.clone());
		assert!(Operators::<T>::get(asset, &holder).contains(&operator));
		Ok(())
	}

	#[benchmark]
	fn revoke_operator() -> Result<(), BenchmarkError> {
		let (asset, holder, _) = transfer_setup::<T>(0, 1)?;
		other_operators::<T>(&asset, &holder)?;
		let operator = bank::<T>();
		Pallet::<T>::do_authorize_operator(asset, holder.clone(), operator.clone())?;
		#[extrinsic_call]
		_(RawOrigin::Signed(holder.clone()), asset, operator.clone());
		assert!(!Operators::<T>::get(asset, &holder).contains(&operator));
		Ok(())
	}

	/// Every leg closes its customer's holding and opens its receiver's.
	#[benchmark]
	fn operator_transfer(n: Linear<1, { T::MaxBatchSize::get() }>) -> Result<(), BenchmarkError> {
		let (asset, operator, legs) = operator_legs::<T>(n, false)?;
		let last = legs.last().map(|leg| leg.from.clone()).ok_or(BenchmarkError::Weightless)?;
		#[extrinsic_call]
		_(RawOrigin::Signed(operator), asset, legs);
		assert_eq!((HolderCount::<T>::get(asset), T::Assets::balance(asset, &last)), (n, units::<T>(0)));
		Ok(())
	}

	/// Every leg moves between two holders.
	#[benchmark]
	fn operator_transfer_between_holders(n: Linear<1, { T::MaxBatchSize::get() }>) -> Result<(), BenchmarkError> {
		let (asset, operator, legs) = operator_legs::<T>(n, true)?;
		let last = legs.last().map(|leg| leg.to.clone()).ok_or(BenchmarkError::Weightless)?;
		#[extrinsic_call]
		operator_transfer(RawOrigin::Signed(operator), asset, legs);
		assert_eq!((HolderCount::<T>::get(asset), T::Assets::balance(asset, &last)), (n.saturating_mul(2), units::<T>(501)));
		Ok(())
	}

	impl_benchmark_test_suite!(Pallet, crate::mock::new_test_ext(), crate::mock::Test);
}
