export { createSettingsApi, collectRoutes, honoPath, type SettingsApi } from './create-app.js';
export { defineRoute, type Route, type RouteContext, type RouteOptions } from './route.js';
export { problem, fieldProblem, ProblemError, problemResponse } from './problem.js';
export type { AppDeps, AppProviders, Logger } from './deps.js';
export type { Actor, ApiKeyActor } from './actor.js';
export { completeSignIn, createMfaChallenge, takeMfaChallengeAttempt, endMfaChallenge, recordLoginEvent, type SignInMethod } from './sign-in.js';
export { etagOf } from './etag.js';
export { newId, randomToken, sha256 } from './ids.js';
