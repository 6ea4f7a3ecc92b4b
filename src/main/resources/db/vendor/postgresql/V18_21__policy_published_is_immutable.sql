-- PostgreSQL only (Database.open adds classpath:db/vendor/postgresql there): the database itself refuses
-- what the importer and the lifecycle never do. H2 has no SQL triggers; there the portal's
-- start-up integrity check (policy/PolicyIntegrity.java) detects the same and shows it as tampering.

CREATE FUNCTION policy_version_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        IF OLD.effective_at IS NOT NULL OR OLD.notice_id IS NOT NULL THEN
            RAISE EXCEPTION 'policy_version_guard: policy version % is published: it is never deleted', OLD.label USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN OLD;
    END IF;
    IF TG_OP = 'INSERT' THEN
        -- The baseline predates the portal: it only ever enters an empty register.
        IF NEW.baseline AND EXISTS (SELECT 1 FROM policy_version
                                    WHERE effective_at IS NOT NULL OR notice_id IS NOT NULL) THEN
            RAISE EXCEPTION 'policy_version_guard: a baseline enters only while no version is published' USING ERRCODE = 'integrity_constraint_violation';
        END IF;
        RETURN NEW;
    END IF;
    IF OLD.unfavourable AND NOT NEW.unfavourable THEN
        RAISE EXCEPTION 'policy_version_guard: policy version %: unfavourable is never cleared', OLD.label USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF NEW.baseline IS DISTINCT FROM OLD.baseline THEN
        RAISE EXCEPTION 'policy_version_guard: policy version %: baseline never changes', OLD.label USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF OLD.baseline AND NEW.effective_at IS DISTINCT FROM OLD.effective_at THEN
        RAISE EXCEPTION 'policy_version_guard: policy version %: the baseline''s date never changes', OLD.label USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF (OLD.effective_at IS NOT NULL OR OLD.notice_id IS NOT NULL)
       AND (NEW.label, NEW.metadata_json, NEW.metadata_sha256, NEW.summary_ko, NEW.summary_en,
            NEW.authoritative_language, NEW.reference_translations, NEW.imported_at)
           IS DISTINCT FROM
           (OLD.label, OLD.metadata_json, OLD.metadata_sha256, OLD.summary_ko, OLD.summary_en,
            OLD.authoritative_language, OLD.reference_translations, OLD.imported_at) THEN
        RAISE EXCEPTION 'policy_version_guard: policy version % is published: its text never changes', OLD.label USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER policy_version_guard BEFORE INSERT OR UPDATE OR DELETE ON policy_version
    FOR EACH ROW EXECUTE FUNCTION policy_version_guard();

CREATE FUNCTION policy_text_guard() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    version_id_of_row UUID;
BEGIN
    IF TG_OP = 'DELETE' THEN
        version_id_of_row := OLD.version_id;
    ELSE
        version_id_of_row := NEW.version_id;
    END IF;
    IF EXISTS (SELECT 1 FROM policy_version v WHERE v.id = version_id_of_row
               AND (v.effective_at IS NOT NULL OR v.notice_id IS NOT NULL))
       OR (TG_OP = 'UPDATE' AND EXISTS (SELECT 1 FROM policy_version v WHERE v.id = OLD.version_id
               AND (v.effective_at IS NOT NULL OR v.notice_id IS NOT NULL))) THEN
        RAISE EXCEPTION 'policy_text_guard: the text of a published policy version never changes' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    IF TG_OP = 'DELETE' THEN
        RETURN OLD;
    END IF;
    RETURN NEW;
END
$$;

-- INSERT stays allowed: the baseline's texts follow its row in the same transaction, and the
-- unique (version_id, lang) already stops a second text per language.
CREATE TRIGGER policy_text_guard BEFORE UPDATE OR DELETE ON policy_text
    FOR EACH ROW EXECUTE FUNCTION policy_text_guard();

-- A notice is posted once, never edited: its date, kind and version stay as posted.
CREATE FUNCTION notice_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF (NEW.posted_at, NEW.kind, NEW.version_label) IS DISTINCT FROM (OLD.posted_at, OLD.kind, OLD.version_label) THEN
        RAISE EXCEPTION 'notice_guard: a posted notice keeps its date, kind and version' USING ERRCODE = 'integrity_constraint_violation';
    END IF;
    RETURN NEW;
END
$$;

CREATE TRIGGER notice_guard BEFORE UPDATE ON notice FOR EACH ROW EXECUTE FUNCTION notice_guard();
