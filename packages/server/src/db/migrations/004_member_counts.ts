/**
 * How many members each organization has in each role, kept by a trigger in the transaction that
 * adds, removes or re-roles a member: the team page's total is then one indexed read instead of
 * counting thousands of rows on every first page.
 */
export const migration = {
  version: 4,
  name: 'member_counts',
  sql: `
CREATE TABLE member_counts (
  org_id text NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
  role text NOT NULL,
  members integer NOT NULL CHECK (members >= 0),
  PRIMARY KEY (org_id, role)
);

INSERT INTO member_counts (org_id, role, members)
SELECT org_id, role, count(*) FROM members GROUP BY org_id, role;

CREATE FUNCTION member_counts_follow() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('DELETE', 'UPDATE') THEN
    UPDATE member_counts SET members = members - 1 WHERE org_id = OLD.org_id AND role = OLD.role;
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') THEN
    INSERT INTO member_counts (org_id, role, members) VALUES (NEW.org_id, NEW.role, 1)
    ON CONFLICT (org_id, role) DO UPDATE SET members = member_counts.members + 1;
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER members_counted AFTER INSERT OR DELETE OR UPDATE OF org_id, role ON members
FOR EACH ROW EXECUTE FUNCTION member_counts_follow();
`,
};
