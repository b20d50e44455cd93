import { GraphQLScalarType } from 'graphql';
import { GraphQLDateTimeISO } from 'graphql-scalars';

/** A time as Date#toISOString writes it, which is how DateTimeISO sends every time. */
const ISO_UTC = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/**
 * The schema's DateTimeISO (graphql-scalars' scalar, which type-graphql maps Date to), except that a
 * time that is already text in the form it sends goes out as it is: the board's and lists' card
 * times are written so by PostgreSQL (isoTime in card.sql.ts), and are neither parsed into a Date
 * when read nor written again here. Anything else is checked and written as before.
 */
export const DateTimeISO = new GraphQLScalarType({
  ...GraphQLDateTimeISO.toConfig(),
  serialize: (value) => (typeof value === 'string' && ISO_UTC.test(value) ? value : GraphQLDateTimeISO.serialize(value)),
});
