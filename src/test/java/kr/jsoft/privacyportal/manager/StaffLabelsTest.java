package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.Role;
import kr.jsoft.privacyportal.staff.NavGroup;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import kr.jsoft.privacyportal.command.Answer;
import kr.jsoft.privacyportal.command.CommandKind;
import kr.jsoft.privacyportal.command.CommandState;
import kr.jsoft.privacyportal.complaint.CaseState;
import kr.jsoft.privacyportal.complaint.Category;
import kr.jsoft.privacyportal.destruction.Origin;
import kr.jsoft.privacyportal.destruction.Outcome;
import kr.jsoft.privacyportal.destruction.RequestState;
import kr.jsoft.privacyportal.device.DevicePlatform;
import kr.jsoft.privacyportal.device.DeviceState;
import kr.jsoft.privacyportal.mail.MailState;
import kr.jsoft.privacyportal.push.PushOutcome;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.Messages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every value the staff pages show is in words, in both languages: each state, origin, outcome and
 * kind the templates label has a message in both bundles, every mail kind and audit action written
 * in the code has a name, and no staff template prints an enum's name or a raw identifier where a
 * label belongs. {@code StaffPagesInWordsIT} checks the rendered pages themselves.
 */
class StaffLabelsTest {
    static final Path TEMPLATES = Path.of("src/main/webapp/WEB-INF/templates");
    static final Path SOURCES = Path.of("src/main/java/kr/jsoft/privacyportal");

    /** The message-key prefix each enum is labelled with on the staff pages, as the templates build it. */
    static Map<String, List<? extends Enum<?>>> labelledEnums() {
        Map<String, List<? extends Enum<?>>> enums = new LinkedHashMap<>();
        enums.put("destruction.staff-state.", List.of(RequestState.values()));
        enums.put("destruction.origin.", List.of(Origin.values()));
        enums.put("destruction.outcome.", List.of(Outcome.values()));
        enums.put("command.kind.", List.of(CommandKind.values()));
        enums.put("command.state.", List.of(CommandState.values()));
        enums.put("command.answer.", List.of(Answer.values()));
        enums.put("command.push.", List.of(PushOutcome.Kind.values()));
        enums.put("mail.state.", List.of(MailState.values()));
        enums.put("device.state.", List.of(DeviceState.values()));
        enums.put("device.platform.", List.of(DevicePlatform.values()));
        return enums;
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void everyStateOriginOutcomeAndKindOnTheStaffPagesHasWords(Lang lang) {
        List<String> missing = new ArrayList<>();
        labelledEnums().forEach((prefix, values) -> values.forEach(v -> {
            String text = Messages.resolve(lang.locale(), prefix + v.name());
            if (text == null || text.equals(v.name())) {
                missing.add(prefix + v.name());
            }
        }));
        for (CaseState state : CaseState.values()) {
            check(lang, state.key(), missing);
        }
        for (Category category : Category.values()) {
            check(lang, category.key(), missing);
        }
        for (Role role : Role.values()) {
            check(lang, role.labelKey(), missing);
        }
        for (NavGroup group : NavGroup.values()) {
            check(lang, group.labelKey(), missing);
        }
        for (DashboardServlet.Urgency urgency : DashboardServlet.Urgency.values()) {
            check(lang, urgency.labelKey(), missing);
        }
        assertThat(missing).as("message keys without words in " + lang).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void everyMailKindHasAName(Lang lang) throws IOException {
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            files.filter(f -> f.toString().endsWith(".html") && f.getParent().getFileName().toString().equals("mail"))
                    .map(f -> TEMPLATES.relativize(f).toString().replace('\\', '/').replaceAll("\\.html$", ""))
                    .filter(name -> !name.endsWith("-frame") && !isSharedPart(TEMPLATES.resolve(name + ".html")))
                    .forEach(name -> check(lang, "mail.template." + name, missing));
        }
        assertThat(missing).isEmpty();
    }

    /** A template that mails include (the frame, the shared answer), not a kind of mail of its own. */
    private static boolean isSharedPart(Path html) {
        try {
            return Files.readString(html).contains("th:fragment=");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @ParameterizedTest
    @EnumSource(Lang.class)
    void everyAuditActionWrittenInTheCodeHasWords(Lang lang) throws IOException {
        Pattern action = Pattern.compile("(?:withAction|staff|system|publicVisitor|event)\\([^\"]*\"([a-z-]+(?:\\.[a-z-]+)+)\"\\s*[),]");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(SOURCES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = action.matcher(Files.readString(file));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        check(lang, "audit.action." + m.group(1), missing);
                    }
                }
            }
        }
        assertThat(missing).as("audit actions without words").doesNotHaveDuplicates().isEmpty();
    }

    /**
     * A staff template must not print an enum constant, a list or an id where a label belongs:
     * {@code th:text="${r.state()}"}, {@code ${x.name()}}, {@code ${x.kind()}} and the like are refused
     * outside a message key ({@code #{'prefix.' + ${x.name()}}} is fine).
     */
    @Test
    void noStaffTemplatePrintsAnEnumNameOrARawList() throws IOException {
        Pattern raw = Pattern.compile("th:text=\"\\$\\{[^}\"]*\\.(?:name|state|origin|outcome|kind|role|platform|type|lang"
                + "|template|imported|draftsUpdated|refusedFiles|invalidFolders)\\(\\)\\}\"");
        List<String> offenders = new ArrayList<>();
        for (Path template : staffTemplates()) {
            Matcher m = raw.matcher(Files.readString(template));
            while (m.find()) {
                offenders.add(TEMPLATES.relativize(template) + ": " + m.group());
            }
        }
        assertThat(offenders).isEmpty();
    }

    @Test
    void everyStaffPageUsesTheStaffLayout() throws IOException {
        List<String> outside = new ArrayList<>();
        for (Path template : staffTemplates()) {
            String text = Files.readString(template);
            if (text.contains("layout :: page") || text.contains("manager/shell")) {
                outside.add(TEMPLATES.relativize(template).toString());
            }
        }
        assertThat(outside).isEmpty();
        assertThat(staffTemplates()).hasSizeGreaterThan(20);
    }

    /** Templates of /manager pages: those in the staff layout, plus every template a manager servlet renders. */
    static List<Path> staffTemplates() throws IOException {
        List<String> staffFolders = Arrays.asList("manager", "command");
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            return files.filter(f -> f.toString().endsWith(".html")).filter(f -> {
                try {
                    String text = Files.readString(f);
                    String relative = TEMPLATES.relativize(f).toString().replace('\\', '/');
                    return text.contains("staff :: page") || relative.startsWith("mail/pages/")
                            || staffFolders.contains(relative.split("/")[0]) && !relative.contains("/mail/");
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static void check(Lang lang, String key, List<String> missing) {
        if (Messages.resolve(lang.locale(), key) == null) {
            missing.add(key);
        }
    }
}
