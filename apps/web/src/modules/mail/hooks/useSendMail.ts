import { useState } from 'react';
import { useMutation } from '@apollo/client/react';
import type { SendMailInput } from '../../../graphql/generated/graphql';
import { useMutationErrors } from '../../../app/useMutationErrors';
import { SEND_MAIL_MUTATION } from '../graphql/mail';
import { refusalProblems } from '../utils/mailErrors';

/**
 * Sends (queues) a mail to contacts of a card. A refusal lists its problems (a contact without
 * an email, a variable without a value). History gets the new entries, so cached histories are dropped.
 */
export function useSendMail() {
  const [send, state] = useMutation(SEND_MAIL_MUTATION, {
    // The new History entries: whatever shows a card's history reloads it.
    update: (cache) => {
      cache.evict({ id: 'ROOT_QUERY', fieldName: 'cardHistory' });
      cache.gc();
    },
  });
  const [problems, setProblems] = useState<string[]>([]);
  const { error, run, clearError } = useMutationErrors();
  return {
    send: (input: SendMailInput) => {
      setProblems([]);
      return run(async () => {
        try {
          return (await send({ variables: { input } })).data?.sendMail;
        } catch (caught) {
          setProblems(refusalProblems(caught));
          throw caught;
        }
      });
    },
    sending: state.loading,
    problems,
    error,
    clearError,
  };
}
