export { IN_APP_STATEMENT_PATH, PUBLIC_STATEMENT_PATH } from './paths';
export { PublicStatementPage } from './PublicStatementPage';
export { StatementPage } from './StatementPage';
export { useDocumentLanguage } from './useDocumentLanguage';
export { NotFoundPage } from './NotFoundPage';
