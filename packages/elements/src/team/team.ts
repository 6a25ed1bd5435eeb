import {
  assignableRoles,
  can,
  checkInvite,
  meEndpoints,
  roles,
  teamEndpoints,
  type Invitation,
  type Me,
  type Member,
  type PagedStore,
  type PageFilter,
  type Role,
  type TeamMemberRef,
} from '@billingone/settings-core';
import { html, nothing, type PropertyDeclarations, type PropertyValues, type TemplateResult } from 'lit';
import { BillingoneElement } from '../base/billingone-element.js';
import { integerInRange } from '../base/integer-attribute.js';
import { requireStores } from '../base/stores.js';
import type { SettingsStores } from '../context.js';
import { ConfirmController } from '../controllers/confirm-controller.js';
import { focusAfterUpdate } from '../controllers/focus.js';
import { StoreController } from '../controllers/store-controller.js';
import { BillingoneErrorEvent } from '../events/error.js';
import { BillingoneSavedEvent } from '../events/saved.js';
import type { MessageKey, MessageParams } from '../i18n/localize.js';
import { describeError, hasStatus, isAbort, problemCode } from '../ui/errors.js';
import { onSubmit } from '../ui/field.js';
import { sectionFrame } from '../ui/section.js';
import { emptyView, errorView, forbiddenView, loadingView, storeView } from '../ui/status.js';
import { InviteController } from './invite-controller.js';
import { inviteForm, roleKeys } from './invite-form.js';
import { invitationsList } from './invitations-list.js';
import { isRuleViolation, memberControls, ruleMessageKeys } from './member-rules.js';
import { membersTable } from './members-table.js';
import { teamStyles } from './team.styles.js';

type MemberFilter = PageFilter<typeof teamEndpoints.listMembers>;
type MemberList = PagedStore<Member, MemberFilter>;

/** Delay between the last keystroke in the search box and the request. */
const searchDelayMs = 300;

/**
 * The organization's members and invitations.
 *
 * - Members (name, email, role, MFA, last active), searched on the server by name or email and filtered
 *   by role, one page at a time (cursor paging): the page holds at most `page-size` rows whatever the
 *   size of the team.
 * - Invite several people at once (addresses pasted with commas or new lines) with a role; entries that
 *   are not addresses are reported next to the box while the valid ones are sent.
 * - Pending invitations with their expiry: resend, revoke (confirmed).
 * - Change a member's role (each select is disabled with the reason when core's team rules refuse it:
 *   nobody changes their own role, an Admin cannot touch an Owner, the last Owner stays), remove a
 *   member (confirmed), and for Owners transfer ownership (confirmed).
 *
 * Owners and Admins see the section; other roles get the forbidden state.
 *
 * @summary Team members, invitations, roles and ownership.
 * @tagname billingone-team
 *
 * @fires {BillingoneSavedEvent} billingone-saved - After a change the user made: `{ section: 'team', resource: 'member' | 'invitation' | 'ownership' }`.
 * @fires {BillingoneErrorEvent} billingone-error - When a user action failed: `{ section: 'team', error }`.
 *
 * @csspart base - The section's wrapper.
 * @csspart header - The section heading and description.
 * @csspart title - Headings.
 * @csspart card - The invite, invitations and members cards.
 * @csspart section - Same elements as `card`.
 * @csspart form - The invite form and the member search.
 * @csspart field - A label with its input.
 * @csspart label - Field labels.
 * @csspart input - Text boxes and selects (also each member's role select).
 * @csspart hint - Help text and the reason a control is disabled.
 * @csspart error - Error messages.
 * @csspart table - The members and invitations tables.
 * @csspart row - One member or invitation.
 * @csspart badge - “You”, MFA and “Expired” badges.
 * @csspart button - Every button.
 * @csspart primary-button - The invite button.
 * @csspart danger-button - The confirming button of removals and revocations.
 * @csspart dialog - Confirmation dialogs.
 * @csspart status - Loading, empty, error and forbidden states.
 *
 * @cssprop [--billingone-color-primary=#1d4ed8] - Primary buttons and badges.
 * @cssprop [--billingone-color-danger=#b91c1c] - Remove and revoke actions.
 */
export class BillingoneTeam extends BillingoneElement {
  static override styles = [BillingoneElement.styles, teamStyles];

  static override properties: PropertyDeclarations = {
    pageSize: { type: Number, attribute: 'page-size' },
  };

  /** Members per page (1–200, default 50): the most rows the members table holds at once. */
  declare pageSize: number;

  readonly #tr = (key: MessageKey, params?: MessageParams): string => this.t(key, params);
  readonly #confirm = new ConfirmController(this);
  readonly #me = new StoreController(this, () => this.stores?.resource(meEndpoints.get));
  readonly #roles = new StoreController(this, () => (this.#canView ? this.stores?.resource(teamEndpoints.listRoles) : undefined));
  readonly #invitations = new StoreController(this, () => (this.#canView ? this.stores?.resource(teamEndpoints.listInvitations) : undefined));
  readonly #members = new StoreController(this, () => (this.#canView ? this.#memberList() : undefined));
  readonly #invite = new InviteController(this, {
    send: async (body) => {
      const { items } = await this.#requireStores().mutate(teamEndpoints.invite, { body }, { invalidates: [teamEndpoints.listInvitations] });
      return items;
    },
    onSent: (created, invalid) => {
      this.announce(
        invalid.length > 0
          ? this.t('team.invite.sentSome', { count: created.length, invalid: invalid.length })
          : this.t('team.invite.sent', { count: created.length }),
      );
      void this.emit(new BillingoneSavedEvent({ section: 'team', resource: 'invitation' }));
      if (invalid.length > 0) void focusAfterUpdate(this, '#invite-emails');
    },
    onFailed: (error) => {
      void this.emit(new BillingoneErrorEvent({ section: 'team', error: error as Error }));
      void focusAfterUpdate(this, '#invite-emails[aria-invalid="true"], .form-error, #invite-role[aria-invalid="true"]');
    },
  });

  #list: { stores: SettingsStores; size: number; store: MemberList } | undefined;
  #query = '';
  #role: Role | '' = '';
  #page = 0;
  #total: number | undefined;
  #searchTimer: ReturnType<typeof setTimeout> | undefined;
  #announceResults = false;
  /** Changes the server confirmed, applied over the loaded pages (null: removed) until the list reloads. */
  #patches = new Map<string, Member | null>();
  #busy = new Set<string>();
  /** Refusals and failures by member or invitation id, shown in its row. */
  #rowErrors = new Map<string, string>();
  /** The members state whose total was last read (the total comes with the first page only). */
  #seen: unknown;

  constructor() {
    super();
    this.pageSize = 50;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this.#searchTimer);
  }

  get #meData(): Me | undefined {
    return this.#me.state?.data;
  }

  get #canView(): boolean {
    return can(this.#meData, 'team.view');
  }

  get #size(): number {
    return integerInRange(this.pageSize, 1, 200, 50);
  }

  #requireStores(): SettingsStores {
    return requireStores(this.stores, 'billingone-team');
  }

  /** The members list over the current stores, made once per stores and page size. */
  #memberList(): MemberList | undefined {
    const stores = this.stores;
    if (!stores) return undefined;
    const size = this.#size;
    if (this.#list?.stores !== stores || this.#list.size !== size) {
      const store = stores.list(teamEndpoints.listMembers, { pageSize: size, filter: this.#filter() }) as MemberList;
      this.#list = { stores, size, store };
      this.#resetView();
    }
    return this.#list.store;
  }

  #filter(): MemberFilter {
    return { q: this.#query.trim() || undefined, role: this.#role || undefined };
  }

  #resetView(): void {
    this.#page = 0;
    this.#total = undefined;
    this.#patches.clear();
    this.#rowErrors.clear();
  }

  #applyFilter(): void {
    clearTimeout(this.#searchTimer);
    const store = this.#members.store;
    if (!store) return;
    this.#resetView();
    this.#announceResults = true;
    void store.setFilter(this.#filter());
    this.requestUpdate();
  }

  #onSearchInput(value: string): void {
    this.#query = value;
    clearTimeout(this.#searchTimer);
    this.#searchTimer = setTimeout(() => this.#applyFilter(), searchDelayMs);
  }

  /** Loaded members with the confirmed changes applied. */
  #rows(): Member[] {
    const items = this.#members.state?.items ?? [];
    if (this.#patches.size === 0) return items as Member[];
    const rows: Member[] = [];
    for (const item of items) {
      const patch = this.#patches.get(item.id);
      if (patch === null) continue;
      rows.push(patch ?? item);
    }
    return rows;
  }

  #ownerCount(rows: readonly Member[]): number {
    const counted = this.#roles.state?.data?.items.find((item) => item.role === 'owner')?.memberCount;
    return counted ?? Math.max(1, rows.filter((member) => member.role === 'owner').length);
  }

  #actor(me: Me): TeamMemberRef {
    return { id: me.member.id, role: me.role };
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    const state = this.#members.state;
    if (state !== this.#seen) {
      this.#seen = state;
      if (state?.total !== undefined && state.status === 'ready') this.#total = state.total;
    }
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    const state = this.#members.state;
    if (this.#announceResults && state && state.status !== 'loading') {
      this.#announceResults = false;
      if (state.status === 'ready') this.announce(this.t('team.members.found', { count: this.#total ?? state.items.length }));
    }
  }

  /** A localised sentence for a failed team action (core's rule codes get the rule's sentence). */
  #failure(error: unknown): string {
    const code = problemCode(error);
    return isRuleViolation(code) ? this.t(ruleMessageKeys[code]) : describeError(error, this.#tr);
  }

  async #run(id: string, action: () => Promise<void>): Promise<boolean> {
    this.#busy.add(id);
    this.#rowErrors.delete(id);
    this.requestUpdate();
    try {
      await action();
      return true;
    } catch (error) {
      if (!isAbort(error)) {
        const message = this.#failure(error);
        this.#rowErrors.set(id, message);
        this.announce(message, 'assertive');
        void this.emit(new BillingoneErrorEvent({ section: 'team', error: error as Error }));
      }
      return false;
    } finally {
      this.#busy.delete(id);
      this.requestUpdate();
    }
  }

  async #changeRole(member: Member, role: Role, select: HTMLSelectElement): Promise<void> {
    const ok = await this.#run(member.id, async () => {
      const updated = await this.#requireStores().mutate(
        teamEndpoints.changeRole,
        { params: { id: member.id }, body: { role } },
        { invalidates: [teamEndpoints.listRoles] },
      );
      this.#patches.set(member.id, updated);
    });
    if (ok) {
      this.announce(this.t('team.role.changed', { name: member.name, role: this.t(roleKeys[role]) }));
      void this.emit(new BillingoneSavedEvent({ section: 'team', resource: 'member' }));
    } else {
      // The server refused: the select shows the role the member still has.
      select.value = member.role;
      await focusAfterUpdate(this, `tr[data-member="${CSS.escape(member.id)}"] select`);
    }
  }

  async #remove(member: Member): Promise<void> {
    const confirmed = await this.#confirm.ask({
      title: this.t('team.remove.title', { name: member.name }),
      message: this.t('team.remove.body', { name: member.name, email: member.email }),
      confirmLabel: this.t('team.remove.confirm'),
      danger: true,
    });
    if (!confirmed) return;
    const ok = await this.#run(member.id, async () => {
      await this.#requireStores().mutate(teamEndpoints.removeMember, { params: { id: member.id } }, { invalidates: [teamEndpoints.listRoles] });
      this.#patches.set(member.id, null);
      if (this.#total !== undefined) this.#total = Math.max(0, this.#total - 1);
    });
    if (ok) {
      this.announce(this.t('team.remove.done', { name: member.name }));
      void this.emit(new BillingoneSavedEvent({ section: 'team', resource: 'member' }));
      this.#clampPage();
      await focusAfterUpdate(this, '#member-search');
    }
  }

  async #transfer(member: Member): Promise<void> {
    const confirmed = await this.#confirm.ask({
      title: this.t('team.transfer.title', { name: member.name }),
      message: this.t('team.transfer.body', { name: member.name }),
      confirmLabel: this.t('team.transfer.confirm'),
      danger: true,
    });
    if (!confirmed) return;
    const ok = await this.#run(member.id, async () => {
      await this.#requireStores().mutate(
        teamEndpoints.transferOwnership,
        { body: { memberId: member.id } },
        { invalidates: [meEndpoints.get, teamEndpoints.listMembers, teamEndpoints.listRoles, teamEndpoints.listInvitations] },
      );
      this.#resetView();
    });
    if (ok) {
      this.announce(this.t('team.transfer.done', { name: member.name }));
      void this.emit(new BillingoneSavedEvent({ section: 'team', resource: 'ownership' }));
      // The transfer button is gone (an Admin cannot transfer): focus goes back to the list.
      await focusAfterUpdate(this, '#member-search');
    }
  }

  async #resend(invitation: Invitation): Promise<void> {
    const ok = await this.#run(invitation.id, async () => {
      await this.#requireStores().mutate(teamEndpoints.resendInvitation, { params: { id: invitation.id } }, { invalidates: [teamEndpoints.listInvitations] });
    });
    if (ok) {
      this.announce(this.t('team.invitations.resent', { email: invitation.email }));
      void this.emit(new BillingoneSavedEvent({ section: 'team', resource: 'invitation' }));
    }
  }

  async #revoke(invitation: Invitation): Promise<void> {
    const confirmed = await this.#confirm.ask({
      title: this.t('team.revoke.title'),
      message: this.t('team.revoke.body', { email: invitation.email }),
      confirmLabel: this.t('team.revoke.confirm'),
      danger: true,
    });
    if (!confirmed) return;
    const ok = await this.#run(invitation.id, async () => {
      await this.#requireStores().mutate(teamEndpoints.revokeInvitation, { params: { id: invitation.id } }, { invalidates: [teamEndpoints.listInvitations] });
    });
    if (ok) {
      this.announce(this.t('team.revoke.done', { email: invitation.email }));
      void this.emit(new BillingoneSavedEvent({ section: 'team', resource: 'invitation' }));
      // Back to the list the row left, not to the invite form above it.
      await focusAfterUpdate(this, '#invitations-title');
    }
  }

  #clampPage(): void {
    const pages = Math.max(1, Math.ceil(this.#rows().length / this.#size));
    if (this.#page > pages - 1) this.#page = pages - 1;
  }

  async #goTo(page: number): Promise<void> {
    const store = this.#members.store;
    if (!store || page < 0) return;
    const size = this.#size;
    if (page * size >= this.#rows().length) {
      if (store.getState().nextCursor === null) return;
      await store.loadMore();
      if (store.getState().status !== 'ready' || page * size >= this.#rows().length) {
        this.requestUpdate();
        return;
      }
    }
    this.#page = page;
    this.requestUpdate();
    await this.updateComplete;
    this.announce(this.#rangeText());
  }

  #rangeText(): string {
    const rows = this.#rows();
    const size = this.#size;
    const from = Math.min(rows.length, this.#page * size + 1);
    const to = Math.min(rows.length, (this.#page + 1) * size);
    return this.#total === undefined
      ? this.t('team.members.range', { from, to })
      : this.t('team.members.rangeOf', { from, to, total: this.#total });
  }

  protected override render(): unknown {
    return html`${storeView(this.#tr, this.#me.state, (me) => this.#renderSection(me), { onRetry: this.#me.refresh })}${this.#confirm.render()}`;
  }

  #renderSection(me: Me): TemplateResult {
    if (!can(me, 'team.view')) return forbiddenView(this.#tr);
    const membersState = this.#members.state;
    if (membersState?.status === 'error' && hasStatus(membersState.error, 403)) return forbiddenView(this.#tr);
    const canManage = can(me, 'team.manage');
    const actor = this.#actor(me);
    return sectionFrame({
      title: this.t('team.title'),
      intro: this.t('team.description'),
      body: [
        canManage ? inviteForm(this.#tr, this.#invite, assignableRoles(actor)) : nothing,
        this.#renderInvitations(actor),
        this.#renderMembers(me),
      ],
    });
  }

  #renderInvitations(actor: TeamMemberRef): unknown {
    const state = this.#invitations.state;
    if (state?.data && state.data.items.length === 0 && state.status !== 'error') return nothing;
    if (!state?.data && state?.status !== 'error') return nothing;
    return storeView(
      this.#tr,
      state,
      (data) =>
        invitationsList(this.localizer, {
          items: data.items,
          busy: this.#busy,
          errors: this.#rowErrors,
          canManage: (invitation) => checkInvite(actor, invitation.role).ok,
          onResend: (invitation) => void this.#resend(invitation),
          onRevoke: (invitation) => void this.#revoke(invitation),
        }),
      { onRetry: this.#invitations.refresh },
    );
  }

  #renderMembers(me: Me): TemplateResult {
    const state = this.#members.state;
    const rows = this.#rows();
    const size = this.#size;
    const pageRows = rows.slice(this.#page * size, (this.#page + 1) * size);
    const loading = !state || state.status === 'idle' || state.status === 'loading';
    const hasNext = (this.#page + 1) * size < rows.length || (state?.nextCursor ?? null) !== null;
    const ownerCount = this.#ownerCount(rows);
    const actor = this.#actor(me);
    const rowErrors = this.#rowErrors;
    return html`
      <section class="card stack" part="card section" aria-labelledby="members-title">
        <div class="row">
          <h3 id="members-title" class="subtitle" part="title">${this.t('team.members.title')}</h3>
          <span class="spacer"></span>
          ${this.#total === undefined ? nothing : html`<span class="muted small">${this.t('team.members.count', { count: this.#total })}</span>`}
        </div>
        <form class="filters" part="form" role="search" aria-label=${this.t('team.members.filters')} @submit=${onSubmit(() => this.#applyFilter())}>
          <div class="field" part="field">
            <label class="label" part="label" for="member-search">${this.t('team.members.search')}</label>
            <input
              id="member-search"
              class="input"
              part="input"
              type="search"
              maxlength="100"
              autocomplete="off"
              placeholder=${this.t('team.members.searchPlaceholder')}
              .value=${this.#query}
              @input=${(event: InputEvent & { currentTarget: HTMLInputElement }) => this.#onSearchInput(event.currentTarget.value)}
            />
          </div>
          <div class="field" part="field">
            <label class="label" part="label" for="member-role">${this.t('team.members.roleFilter')}</label>
            <select
              id="member-role"
              class="select"
              part="input"
              @change=${(event: Event & { currentTarget: HTMLSelectElement }) => {
                this.#role = event.currentTarget.value as Role | '';
                this.#applyFilter();
              }}
            >
              <option value="" ?selected=${this.#role === ''}>${this.t('team.members.allRoles')}</option>
              ${roles.map((role) => html`<option value=${role} ?selected=${this.#role === role}>${this.t(roleKeys[role])}</option>`)}
            </select>
          </div>
        </form>
        ${state?.status === 'error' && rows.length === 0
          ? errorView(this.#tr, { error: state.error, onRetry: this.#members.refresh })
          : rows.length === 0 && loading
            ? loadingView(this.#tr)
            : rows.length === 0
              ? emptyView(this.#tr, {
                  title: this.t(this.#query || this.#role ? 'team.members.noMatch' : 'team.members.empty'),
                  message: this.#query || this.#role ? this.t('team.members.noMatchHint') : undefined,
                })
              : html`
                  <div aria-busy=${loading ? 'true' : 'false'}>
                    ${membersTable(this.localizer, {
                      rows: pageRows,
                      selfId: me.member.id,
                      busy: this.#busy,
                      rowErrors,
                      controls: (member) => memberControls(actor, member, ownerCount),
                      onRoleChange: (member, role, select) => void this.#changeRole(member, role, select),
                      onRemove: (member) => void this.#remove(member),
                      onTransfer: (member) => void this.#transfer(member),
                    })}
                  </div>
                  ${state?.status === 'error'
                    ? errorView(this.#tr, { error: state.error, onRetry: () => void this.#members.store?.loadMore() })
                    : nothing}
                  <nav class="pager" aria-label=${this.t('team.members.pages')}>
                    <span class="muted small">${this.#rangeText()}</span>
                    <span class="row">
                      <button type="button" class="button button-small" part="button" ?disabled=${this.#page === 0 || loading} @click=${() => void this.#goTo(this.#page - 1)}>
                        ${this.t('common.previous')}
                      </button>
                      <button type="button" class="button button-small" part="button" ?disabled=${!hasNext || loading} aria-busy=${loading ? 'true' : 'false'} @click=${() => void this.#goTo(this.#page + 1)}>
                        ${loading && rows.length > 0 ? this.t('common.loading') : this.t('common.next')}
                      </button>
                    </span>
                  </nav>
                `}
      </section>
    `;
  }
}
