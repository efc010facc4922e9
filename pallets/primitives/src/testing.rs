//! Scripted state for the pallets' mocks. Kept in the test externalities'
//! storage rather than in thread-locals, so that a failed call rolls it back
//! like real pallet storage (`assert_noop!` then also proves a mock was left
//! untouched) and every externalities starts clean.

use crate::{Bic, Compliance, ComplianceFailure, InvestorCategory, Jurisdiction, Role};
use alloc::{collections::BTreeMap, vec::Vec};
use codec::{Decode, Encode};
use frame_support::storage::unhashed;

/// The scripted value under `key`, or its default.
pub fn scripted<V: Decode + Default>(key: &[u8]) -> V {
	unhashed::get_or_default(key)
}

/// Changes the scripted value under `key` with `f`.
pub fn update_scripted<V: Decode + Encode + Default, R>(key: &[u8], f: impl FnOnce(&mut V) -> R) -> R {
	let mut value = scripted(key);
	let result = f(&mut value);
	unhashed::put(key, &value);
	result
}

const IDENTITIES: &[u8] = b":scripted:identities";

/// An identity of the scripted registry: what [`ScriptedRegistry`] answers
/// about its account.
#[derive(Clone, Encode, Decode, PartialEq, Eq, Debug)]
pub struct ScriptedIdentity {
	pub jurisdiction: Jurisdiction,
	pub category: InvestorCategory,
	pub bic: Option<Bic>,
	pub roles: Vec<Role>,
	/// What `check_compliance` fails with (`None`: compliant).
	pub failure: Option<ComplianceFailure>,
}

impl ScriptedIdentity {
	/// A compliant retail customer in `jurisdiction` holding `roles`.
	pub fn new(jurisdiction: Jurisdiction, roles: &[Role]) -> Self {
		Self { jurisdiction, category: InvestorCategory::Retail, bic: None, roles: roles.to_vec(), failure: None }
	}

	pub fn with_category(mut self, category: InvestorCategory) -> Self {
		self.category = category;
		self
	}

	pub fn with_bic(mut self, bic: Bic) -> Self {
		self.bic = Some(bic);
		self
	}
}

/// An identity registry scripted by the tests, for mocks whose accounts are
/// `u64`: register with [`ScriptedRegistry::set`], make an account fail with
/// [`ScriptedRegistry::set_failure`].
pub struct ScriptedRegistry;

impl ScriptedRegistry {
	pub fn set(who: u64, identity: ScriptedIdentity) {
		update_scripted(IDENTITIES, |ids: &mut BTreeMap<u64, ScriptedIdentity>| ids.insert(who, identity));
	}

	/// Makes `who` fail the compliance check with `failure`, or pass with
	/// `None`.
	pub fn set_failure(who: u64, failure: Option<ComplianceFailure>) {
		Self::modify(who, |identity| identity.failure = failure);
	}

	/// Takes `role` from `who`.
	pub fn revoke_role(who: u64, role: Role) {
		Self::modify(who, |identity| identity.roles.retain(|r| *r != role));
	}

	pub fn modify(who: u64, f: impl FnOnce(&mut ScriptedIdentity)) {
		update_scripted(IDENTITIES, |ids: &mut BTreeMap<u64, ScriptedIdentity>| ids.get_mut(&who).map(f));
	}

	pub fn get(who: &u64) -> Option<ScriptedIdentity> {
		scripted::<BTreeMap<u64, ScriptedIdentity>>(IDENTITIES).get(who).cloned()
	}
}

impl Compliance<u64> for ScriptedRegistry {
	fn is_verified(who: &u64) -> bool {
		Self::check_compliance(who).is_ok()
	}
	fn has_role(who: &u64, role: Role) -> bool {
		Self::get(who).is_some_and(|i| i.failure.is_none() && i.roles.contains(&role))
	}
	fn holds_role(who: &u64, role: Role) -> bool {
		Self::get(who).is_some_and(|i| i.failure != Some(ComplianceFailure::Revoked) && i.roles.contains(&role))
	}
	fn jurisdiction(who: &u64) -> Option<Jurisdiction> {
		Self::get(who).map(|i| i.jurisdiction)
	}
	fn same_legal_entity(a: &u64, b: &u64) -> bool {
		a == b
	}
	fn check_compliance(who: &u64) -> Result<(), ComplianceFailure> {
		let identity = Self::get(who).ok_or(ComplianceFailure::NotRegistered)?;
		identity.failure.map_or(Ok(()), Err)
	}
	fn is_sanctioned(who: &u64) -> bool {
		Self::get(who).is_some_and(|i| i.failure == Some(ComplianceFailure::Sanctioned))
	}
	fn category(who: &u64) -> Option<InvestorCategory> {
		Self::get(who).map(|i| i.category)
	}
	fn is_jurisdiction_blocked(_jurisdiction: &Jurisdiction) -> bool {
		false
	}
	fn bic(who: &u64) -> Option<Bic> {
		Self::get(who).and_then(|i| i.bic)
	}
}

/// A clock scripted by the tests (Unix milliseconds), for pallets that read
/// time through `UnixTime`.
pub struct ScriptedClock;

const CLOCK: &[u8] = b":scripted:clock-ms";

impl ScriptedClock {
	pub fn set_ms(ms: u64) {
		update_scripted(CLOCK, |now: &mut u64| *now = ms);
	}

	pub fn advance_ms(ms: u64) {
		update_scripted(CLOCK, |now: &mut u64| *now = now.saturating_add(ms));
	}

	pub fn now_ms() -> u64 {
		scripted(CLOCK)
	}
}

impl frame_support::traits::UnixTime for ScriptedClock {
	fn now() -> core::time::Duration {
		core::time::Duration::from_millis(Self::now_ms())
	}
}
