const { frontendRestrictedImports } = require('../../eslint-court');

module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  restrictedImports: frontendRestrictedImports,
});
