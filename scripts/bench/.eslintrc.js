// The benchmarks were outside lint until they became a package. Two rules that would only
// reshape working measurement code are off here: nested conditional expressions (the SLA
// oracle's state table) and closures in loops that run before the loop moves on.
module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  rules: {
    'no-nested-ternary': 'off',
    'no-loop-func': 'off',
  },
});
