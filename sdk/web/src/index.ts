export { AuthClient, MfaApi, createAuthClient, type AuthClientOptions } from './client.js';
export { AuthError } from './errors.js';
export { memoryStorage, webStorage, type AuthStorage, type StorageOption } from './storage.js';
export { RefreshCoordinator, type LockManagerLike } from './coordinator.js';
export { EventBus, type AuthListener } from './events.js';
export { needsRefresh, decodeClaims, REFRESH_MARGIN_MS } from './tokens.js';
export type { AuthEvent, AuthResponse, MfaRequired, Session, SessionInfo, SignInResult, User } from './types.js';
