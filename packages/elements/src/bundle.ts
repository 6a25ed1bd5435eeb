/**
 * The entry of the self-contained bundle (`dist/billingone-settings.bundle.js`): registers every
 * element and exposes the package's exports, with lit and core included.
 *
 * ```html
 * <script type="module" src="billingone-settings.bundle.js"></script>
 * <billingone-settings base-url="https://settings.example.com"></billingone-settings>
 * ```
 */
import './provider/define.js';
import './settings/define.js';
import './profile/define.js';
import './security/define.js';
import './sessions/define.js';
import './notifications/define.js';
import './organization/define.js';
import './branding/define.js';
import './team/define.js';
import './integrations/define.js';
import './audit-log/define.js';
import './mfa-enrollment/define.js';

export * from './index.js';
