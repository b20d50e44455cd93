import { buildSchema, parse, type OperationDefinitionNode } from 'graphql';
import { withInputDefaults } from './jit-executor';

const schema = buildSchema(`
  enum Kind { BOARD LIST }
  input Filter { statusIds: [ID!]! = [] text: String }
  input ViewInput { name: String! kind: Kind! = LIST shared: Boolean! = false filter: Filter }
  type Query { ok: Boolean }
  type Mutation { createView(input: ViewInput!): Boolean, many(inputs: [ViewInput!]!): Boolean }
`);
const operation = (source: string) => parse(source).definitions[0] as OperationDefinitionNode;

test('fills the input fields a client left out with their defaults, as a client would write them', () => {
  const op = operation('mutation($input: ViewInput!, $inputs: [ViewInput!]!) { createView(input: $input) many(inputs: $inputs) }');
  const variables = withInputDefaults(schema, op, { input: { name: 'A', filter: { text: 'x' } }, inputs: [{ name: 'B', kind: 'BOARD' }] });
  expect(variables).toEqual({
    input: { name: 'A', kind: 'LIST', shared: false, filter: { text: 'x', statusIds: [] } },
    inputs: [{ name: 'B', kind: 'BOARD', shared: false }],
  });
});

test('keeps what the client sent, nulls included, and leaves missing variables without a default alone', () => {
  const op = operation('mutation($input: ViewInput) { createView(input: $input) }');
  expect(withInputDefaults(schema, op, { input: { name: 'A', kind: 'BOARD', shared: true, filter: null } })).toEqual({ input: { name: 'A', kind: 'BOARD', shared: true, filter: null } });
  expect(withInputDefaults(schema, op, {})).toEqual({});
});

test("gives a variable the client left out its operation's default, a non-null one too", () => {
  const op = operation('mutation($input: ViewInput! = { name: "Mine" }, $kind: Kind! = BOARD) { createView(input: $input) }');
  expect(withInputDefaults(schema, op, {})).toEqual({ input: { name: 'Mine', kind: 'LIST', shared: false }, kind: 'BOARD' });
  // What the client sent wins, null included.
  expect(withInputDefaults(schema, op, { kind: 'LIST', input: null })).toEqual({ kind: 'LIST', input: null });
});
