// Imported first by every entry point: the libraries read NODE_ENV once, when they load, and the
// config's default is production. Unset, graphql-js runs in development mode, whose cross-realm
// `instanceof` checks cost about a tenth of a large query's time.
process.env.NODE_ENV ??= 'production';

export {};
