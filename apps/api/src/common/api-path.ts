/**
 * Whether a request path is the API's (`/api`, `/api/...`), as opposed to the web app's files.
 * Case-insensitive, as Express routes: `/API/citizens` reaches the same controller.
 */
export function isApiPath(path: string): boolean {
  const lower = path.toLowerCase();
  return lower === '/api' || lower.startsWith('/api/');
}
