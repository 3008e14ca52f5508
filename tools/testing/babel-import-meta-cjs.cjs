// Babel plugin for Jest's CommonJS run of ESM-only packages (see jest-esm-packages.cjs): a module
// compiled to CommonJS has no `import.meta`, so `import.meta.url` becomes the file's own URL,
// which is all that NestJS 12 and @nestjs/typeorm use it for (createRequire(import.meta.url)).
module.exports = function importMetaToCommonJs({ types: t }) {
  return {
    name: 'import-meta-to-commonjs',
    visitor: {
      MetaProperty(path) {
        if (path.node.meta.name !== 'import' || path.node.property.name !== 'meta') return;
        const member = path.parentPath;
        if (member.isMemberExpression() && t.isIdentifier(member.node.property, { name: 'url' })) {
          member.replaceWithSourceString(`require('node:url').pathToFileURL(__filename).href`);
        } else if (member.isMemberExpression() && t.isIdentifier(member.node.property, { name: 'dirname' })) {
          member.replaceWith(t.identifier('__dirname'));
        } else if (member.isMemberExpression() && t.isIdentifier(member.node.property, { name: 'filename' })) {
          member.replaceWith(t.identifier('__filename'));
        } else {
          throw path.buildCodeFrameError('import.meta is only supported as import.meta.url, .dirname or .filename here');
        }
      },
    },
  };
};
