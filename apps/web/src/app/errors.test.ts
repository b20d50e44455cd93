import { CombinedGraphQLErrors, ServerError } from '@apollo/client';
import { GraphQLError } from 'graphql';
import { describeError } from './errors';
import { i18n } from './i18n';

const t = i18n.getFixedT('en');
const graphQLErrors = (extensions: Record<string, unknown>, message = 'server says no') =>
  new CombinedGraphQLErrors({ errors: [new GraphQLError(message, { extensions })] });

describe('describeError', () => {
  it('gives a translated message for each code', () => {
    expect(describeError(graphQLErrors({ code: 'FORBIDDEN' }), t).message).toBe("You don't have permission to do that.");
    expect(describeError(graphQLErrors({ code: 'NOT_FOUND' }), t).message).toBe('This item no longer exists.');
    expect(describeError(graphQLErrors({ code: 'INTERNAL_SERVER_ERROR' }), t).code).toBe('INTERNAL_SERVER_ERROR');
  });

  it('masks unknown codes as internal errors', () => {
    const error = describeError(graphQLErrors({ code: 'SOMETHING_NEW' }), t);
    expect(error.code).toBe('INTERNAL_SERVER_ERROR');
    expect(error.message).toBe('Something went wrong on our side. Please try again.');
  });

  it('keeps per-field messages and the server message of a rule violation', () => {
    const withFields = describeError(graphQLErrors({ code: 'BAD_USER_INPUT', fields: { email: 'Invalid email' } }), t);
    expect(withFields.fields).toEqual({ email: 'Invalid email' });
    expect(withFields.message).toBe('Please check the highlighted fields.');

    const rule = describeError(graphQLErrors({ code: 'BAD_USER_INPUT' }, 'You cannot demote yourself'), t);
    expect(rule.message).toBe('You cannot demote yourself');
  });

  it('says what a refusal with a known reason means, and falls back to the code for others', () => {
    const hidden = describeError(graphQLErrors({ code: 'CONFLICT', reason: 'CLIENT_HAS_HIDDEN_CARDS' }), t);
    expect(hidden).toMatchObject({ code: 'CONFLICT', message: 'This client also has cards of other owners, so it cannot be deleted. Ask a manager.' });
    expect(describeError(graphQLErrors({ code: 'BAD_USER_INPUT', reason: 'QUERY_TOO_LARGE' }), t).message).toBe('That asks for too much at once. Narrow it down and try again.');
    expect(describeError(graphQLErrors({ code: 'CONFLICT', reason: 'SOMETHING_ELSE' }), t).message).toBe('This conflicts with an existing record.');
  });

  it('translates a server refusal by its reason and parameters, not the server’s English text', () => {
    const archived = (count: number) =>
      graphQLErrors({ code: 'BAD_USER_INPUT', reason: 'STATUS_HAS_CARDS', params: { count, status: 'Oferta' } }, `Move the ${count} cards out of “Oferta” before archiving it.`);
    expect(describeError(archived(1), t).message).toBe('Move the 1 card out of “Oferta” before archiving it.');
    expect(describeError(archived(3), i18n.getFixedT('pl')).message).toBe('Przed archiwizacją przenieś 3 karty ze statusu „Oferta”.');
    expect(describeError(archived(5), i18n.getFixedT('pl')).message).toBe('Przed archiwizacją przenieś 5 kart ze statusu „Oferta”.');
    expect(describeError(archived(5), i18n.getFixedT('sk')).message).toBe('Pred archivovaním presuňte 5 kariet zo stavu „Oferta“.');
    expect(describeError(graphQLErrors({ code: 'BAD_USER_INPUT', reason: 'SELF_DEACTIVATE' }, 'You cannot deactivate yourself.'), i18n.getFixedT('hu')).message).toBe('Saját magát nem tudja inaktiválni.');
  });

  it('translates a field message that carries a code, and keeps one that does not', () => {
    const error = graphQLErrors({ code: 'BAD_USER_INPUT', fields: { ownerId: 'Choose an active user.', name: 'Too long' }, fieldReasons: { ownerId: 'ACTIVE_USER' } });
    expect(describeError(error, i18n.getFixedT('sk')).fields).toEqual({ ownerId: 'Vyberte aktívneho používateľa.', name: 'Too long' });
    expect(describeError(error, i18n.getFixedT('pl')).fields.ownerId).toBe('Wybierz aktywnego użytkownika.');
  });

  it('fills a field code’s placeholders from the server’s values', () => {
    const error = graphQLErrors({
      code: 'BAD_USER_INPUT',
      fields: { signature: 'Keep the signature under 4000 characters.', f1: 'Enter text of at most 500 characters.' },
      fieldReasons: { signature: 'SIGNATURE_TOO_LONG', f1: 'TEXT_TOO_LONG' },
      fieldParams: { signature: { max: 4000 }, f1: { max: 500 } },
    });
    expect(describeError(error, i18n.getFixedT('hu')).fields).toEqual({ signature: 'Az aláírás legyen rövidebb 4000 karakternél.', f1: 'Legfeljebb 500 karaktert írj.' });
    expect(describeError(error, i18n.getFixedT('sk')).fields.f1).toBe('Zadajte najviac 500 znakov.');
    const refusal = graphQLErrors({ code: 'BAD_USER_INPUT', reason: 'IMPORT_UNKNOWN_FIELD', params: { field: 'fax' } }, 'Unknown field: fax');
    expect(describeError(refusal, i18n.getFixedT('pl')).message).toBe('Nieznane pole docelowe: fax.');
  });

  it('translates the decorator validation codes with their limits (the API sends them for every input)', () => {
    const error = graphQLErrors({
      code: 'BAD_USER_INPUT',
      fields: { email: 'Enter a valid email address.', password: 'Use at least 8 characters.', name: 'name must be shorter than or equal to 120 characters' },
      fieldReasons: { email: 'NOT_EMAIL', password: 'TOO_SHORT', name: 'TOO_LONG' },
      fieldParams: { password: { min: 8 }, name: { max: 120 } },
    });
    expect(describeError(error, t).fields).toEqual({ email: 'Enter an email address.', password: 'Enter at least 8 characters.', name: 'Enter at most 120 characters.' });
    expect(describeError(error, i18n.getFixedT('hu')).fields).toEqual({ email: 'Adj meg egy e-mail-címet.', password: 'Legalább 8 karaktert írj.', name: 'Legfeljebb 120 karaktert írj.' });
    expect(describeError(error, i18n.getFixedT('pl')).fields.name).toBe('Wpisz najwyżej 120 znaków.');
    expect(describeError(error, i18n.getFixedT('sk')).fields.password).toBe('Zadajte aspoň 8 znakov.');
  });

  it('says how long to wait when rate limited', () => {
    expect(describeError(graphQLErrors({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 1 }), t).message).toBe(
      'Too many attempts. Try again in 1 second.',
    );
    expect(describeError(graphQLErrors({ code: 'TOO_MANY_REQUESTS', retryAfterSeconds: 125 }), t).message).toBe(
      'Too many attempts. Try again in 3 minutes.',
    );
  });

  it('tells network failures from server failures', () => {
    expect(describeError(new TypeError('Failed to fetch'), t).code).toBe('NETWORK');
    const response = { status: 502, headers: {} } as unknown as Response; // jsdom has no Response
    expect(describeError(new ServerError('bad gateway', { response, bodyText: 'oops' }), t).code).toBe(
      'INTERNAL_SERVER_ERROR',
    );
  });
});
