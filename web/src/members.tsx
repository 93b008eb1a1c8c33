// Sharing: the owner offers the image to a project; that project accepts or rejects the offer.
import { type FormEvent, useState } from 'react';
import { useMutation, useQuery } from 'urql';
import type { MemberStatus } from './gql/graphql.js';
import { MemberAddMutation, MemberUpdateMutation, ProjectsQuery } from './operations.js';
import { FieldError, GeneralErrors, NO_ERRORS, type PlacedErrors, describedBy, placeErrors } from './errors.js';

interface Member { id: string; status: MemberStatus; project: { id: string; name: string } }

/** `canOffer`: the caller speaks for the owner; `mayAnswer`: whether it may answer for a member project. */
export function Members({ imageId, members, canOffer, mayAnswer }: { imageId: string; members: Member[]; canOffer: boolean; mayAnswer(projectId: string): boolean }) {
  const [, updateMember] = useMutation(MemberUpdateMutation);
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const answer = async (projectId: string, status: MemberStatus) => {
    const result = await updateMember({ input: { imageId, projectId, status } });
    setErrors(placeErrors(result.data?.imageMemberUpdate, result.error, []));
  };
  return (
    <section aria-labelledby="members-title">
      <h2 id="members-title">Members</h2>
      <GeneralErrors messages={errors.general} />
      {members.length === 0 ? <p>Not shared with any project.</p> : (
        <ul className="members">
          {members.map((member) => (
            <li key={member.id} data-project={member.project.name}>
              <span>{member.project.name}</span>
              <span className={`badge member-${member.status.toLowerCase()}`} data-status={member.status}>{member.status}</span>
              {mayAnswer(member.project.id) && (
                <>
                  <button type="button" disabled={member.status === 'ACCEPTED'} onClick={() => void answer(member.project.id, 'ACCEPTED')} aria-label={`Accept for ${member.project.name}`}>Accept</button>
                  <button type="button" disabled={member.status === 'REJECTED'} onClick={() => void answer(member.project.id, 'REJECTED')} aria-label={`Reject for ${member.project.name}`}>Reject</button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
      {canOffer && <OfferForm imageId={imageId} />}
    </section>
  );
}

function OfferForm({ imageId }: { imageId: string }) {
  const [projects] = useQuery({ query: ProjectsQuery });
  const [, addMember] = useMutation(MemberAddMutation);
  const [projectId, setProjectId] = useState('');
  const [errors, setErrors] = useState<PlacedErrors>(NO_ERRORS);
  const options = projects.data?.projects.edges.map((edge) => edge.node) ?? [];
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = await addMember({ input: { imageId, projectId } });
    setErrors(placeErrors(result.data?.imageMemberAdd, result.error, ['projectId']));
  };
  const messages = errors.byField.projectId;
  return (
    <form className="inline-form" onSubmit={submit} aria-label="Offer to a project">
      <GeneralErrors messages={errors.general} />
      <div className="field">
        <label htmlFor="offer-project">Offer to project</label>
        {/* A member sees only its own project among projects: others are offered by id, as in Glance. */}
        <input id="offer-project" required list="offer-project-options" placeholder="Project id" value={projectId} onChange={(e) => setProjectId(e.target.value.trim())} {...describedBy('offer-project', messages)} />
        <datalist id="offer-project-options">
          {options.map((project) => <option key={project.id} value={project.id}>{project.name}</option>)}
        </datalist>
      </div>
      <button type="submit">Offer</button>
      <FieldError id="offer-project-error" messages={messages} />
    </form>
  );
}
