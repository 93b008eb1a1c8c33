// graphql-js answers an unknown field, argument, type or enum value with "Did you mean ...?",
// which spells out the schema to anyone who guesses. Suggestions go only to a caller with a
// valid token (GRAPHQL_SUGGESTIONS=authenticated, the default), or to nobody (never). A document
// that fails validation runs no resolver, so the token is looked up only for such an answer, and
// that lookup is charged to the caller's rate like any other request.
import type { IncomingMessage } from 'node:http';
import { GraphQLError } from 'graphql';
import type { Plugin } from 'graphql-yoga';

export type SuggestionPolicy = 'authenticated' | 'never';

const SUGGESTION = / ?Did you mean .+\?$/s;

const hasSuggestion = (error: unknown) => error instanceof Error && SUGGESTION.test(error.message);

/** The same errors, their messages cut before "Did you mean". */
export function withoutSuggestions<E>(errors: readonly E[]): E[] {
  return errors.map((error) => {
    if (!(error instanceof GraphQLError) || !hasSuggestion(error)) return error;
    const { nodes, source, positions, path, originalError, extensions } = error;
    return new GraphQLError(error.message.replace(SUGGESTION, ''), { nodes, source, positions, path, originalError, extensions }) as E;
  });
}

/** `isAuthenticated` gets the client's address, to charge a caller without a valid token. */
export function useSuggestionPolicy(policy: SuggestionPolicy, isAuthenticated: (request: Request, address: string | undefined) => Promise<boolean>): Plugin {
  return {
    async onResultProcess({ request, result, setResult, serverContext }) {
      if (Array.isArray(result) || !('errors' in result) || !result.errors?.some(hasSuggestion)) return;
      const address = (serverContext as { req?: IncomingMessage } | undefined)?.req?.socket.remoteAddress;
      if (policy === 'authenticated' && (await isAuthenticated(request, address))) return;
      setResult({ ...result, errors: withoutSuggestions(result.errors) });
    },
  };
}
