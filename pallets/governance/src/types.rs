//! What a proposal is.

use codec::{Decode, Encode, MaxEncodedLen};
use frame_system::pallet_prelude::BlockNumberFor;
use scale_info::TypeInfo;

/// Sequential id of a proposal, never reused.
pub type ProposalId = u32;

/// A proposal waiting for enactment: enough for any bank to check what will
/// run and when (the call itself is in the scheduler's task, or in
/// pallet-preimage under `call_hash` when it is long).
#[derive(Clone, Encode, Decode, MaxEncodedLen, TypeInfo, PartialEq, Eq, Debug)]
pub struct Proposal<AccountId, Hash, BlockNumber> {
	/// The council account that proposed it.
	pub proposer: AccountId,
	/// blake2-256 of the encoded call.
	pub call_hash: Hash,
	/// Block of the proposal.
	pub proposed_at: BlockNumber,
	/// Block at which the scheduler dispatches it as Root.
	pub enact_at: BlockNumber,
	/// The pallet-preimage hash of the scheduled enactment, when it was too
	/// long to sit inline in the scheduler's task; released on cancellation.
	pub preimage: Option<Hash>,
}

pub type ProposalOf<T> = Proposal<
	<T as frame_system::Config>::AccountId,
	<T as frame_system::Config>::Hash,
	BlockNumberFor<T>,
>;

/// The scheduler task name of proposal `id`: unique per chain, so that a
/// proposal can be cancelled by id.
pub fn task_name(id: ProposalId) -> [u8; 32] {
	(b"tokenize/governance", id).using_encoded(sp_io::hashing::blake2_256)
}
