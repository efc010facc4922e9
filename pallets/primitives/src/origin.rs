//! Origins derived from on-chain roles.

use crate::{Compliance, Role};
use core::marker::PhantomData;
use frame_support::{
	dispatch::RawOrigin,
	traits::{EnsureOrigin, Get},
};

/// Accepts a signed origin whose account holds `R` in a verified identity and
/// yields that account. Rotating the role's holder is an on-chain change.
pub struct EnsureRole<AccountId, C, R>(PhantomData<(AccountId, C, R)>);

/// Without benchmarks the role check needs only the registry's answers.
#[cfg(not(feature = "runtime-benchmarks"))]
impl<O, AccountId, C, R> EnsureOrigin<O> for EnsureRole<AccountId, C, R>
where
	O: Into<Result<RawOrigin<AccountId>, O>> + From<RawOrigin<AccountId>>,
	C: Compliance<AccountId>,
	R: Get<Role>,
	AccountId: Clone,
{
	type Success = AccountId;

	fn try_origin(o: O) -> Result<Self::Success, O> {
		role_holder::<O, AccountId, C, R>(o)
	}
}

/// With benchmarks the registry must also be able to make a role holder, so
/// that every role-gated call of every pallet can be benchmarked.
#[cfg(feature = "runtime-benchmarks")]
impl<O, AccountId, C, R> EnsureOrigin<O> for EnsureRole<AccountId, C, R>
where
	O: Into<Result<RawOrigin<AccountId>, O>> + From<RawOrigin<AccountId>>,
	C: Compliance<AccountId> + crate::ComplianceBenchmarkHelper<AccountId>,
	R: Get<Role>,
	AccountId: Clone + codec::Decode,
{
	type Success = AccountId;

	fn try_origin(o: O) -> Result<Self::Success, O> {
		role_holder::<O, AccountId, C, R>(o)
	}

	fn try_successful_origin() -> Result<O, ()> {
		let seed = codec::Encode::encode(&(b"role-holder", R::get()));
		let who = AccountId::decode(&mut sp_runtime::traits::TrailingZeroInput::new(&seed))
			.map_err(|_| ())?;
		C::make_verified(&who, &[R::get()]);
		Ok(O::from(RawOrigin::Signed(who)))
	}
}

fn role_holder<O, AccountId, C, R>(o: O) -> Result<AccountId, O>
where
	O: Into<Result<RawOrigin<AccountId>, O>> + From<RawOrigin<AccountId>>,
	C: Compliance<AccountId>,
	R: Get<Role>,
{
	match o.into() {
		Ok(RawOrigin::Signed(who)) if C::has_role(&who, R::get()) => Ok(who),
		Ok(other) => Err(O::from(other)),
		Err(o) => Err(o),
	}
}
