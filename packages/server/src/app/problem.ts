/** The server answers errors with the problem helpers every implementation of the API shares. */
export { ProblemError, problem, fieldProblem, problemResponse, issuesToFieldErrors } from '@billingone/settings-core/implementation';
