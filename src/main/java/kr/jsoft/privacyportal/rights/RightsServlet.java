package kr.jsoft.privacyportal.rights;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kr.jsoft.privacyportal.remedy.Remedies;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.ClientAddress;
import kr.jsoft.privacyportal.web.Dates;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.PageTimes;
import kr.jsoft.privacyportal.web.Messages;
import kr.jsoft.privacyportal.web.View;

/**
 * The public rights pages under {@code /{lang}/rights}: the form (number, and how to prove it),
 * {@code /page/<token>} (waiting for the proof, then the page of one's own data for 30 minutes),
 * its {@code /code}, {@code /data.json}, {@code /suspend} (confirm, then POST) and {@code /email}
 * actions, and {@code /status/<token>} for a request recorded by staff. Every page behind a
 * secret link is never cached and never sent on as a Referer.
 */
final class RightsServlet extends HttpServlet {
    static final String PAGE = "/page/";
    static final String STATUS = "/status/";
    static final int REFRESH_SECONDS = 5;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final SelfService self;
    private final StaffRecorded recorded;
    private final Remedies remedies;
    private final View view;
    private final ClientAddress clientAddress;

    RightsServlet(SelfService self, StaffRecorded recorded, Remedies remedies, View view, ClientAddress clientAddress) {
        this.remedies = remedies;
        this.self = self;
        this.recorded = recorded;
        this.view = view;
        this.clientAddress = clientAddress;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rest = rest(request);
        if (rest.isEmpty() || rest.equals("/")) {
            form(request, response, new HashMap<>(), 200);
            return;
        }
        secret(response);
        if (rest.startsWith(STATUS)) {
            status(request, response, rest.substring(STATUS.length()));
            return;
        }
        if (!rest.startsWith(PAGE)) {
            throw new BadRequestException(404, "No such page.");
        }
        String[] parts = rest.substring(PAGE.length()).split("/");
        String token = parts[0];
        if (parts.length == 1) {
            page(request, response, token, Map.of(), 200);
        } else if (parts.length == 2 && parts[1].equals("data.json")) {
            download(request, response, token);
        } else if (parts.length == 2 && parts[1].equals("suspend")) {
            confirmSuspension(request, response, token);
        } else {
            throw new BadRequestException(404, "No such page.");
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String rest = rest(request);
        Lang lang = Lang.of(request);
        if (rest.isEmpty() || rest.equals("/")) {
            String phone = param(request, "phone");
            String way = param(request, "way");
            Map<String, String> errors = new LinkedHashMap<>();
            if (!SelfService.validNumber(phone)) {
                errors.put("phone", "rights.error.phone");
            }
            Optional<RightsProof.Way> chosen = StaffRecorded.parse(RightsProof.Way.class, way.toUpperCase(Locale.ROOT));
            if (chosen.isEmpty()) {
                errors.put("way", "rights.error.way");
            }
            if (!errors.isEmpty()) {
                form(request, response, new HashMap<>(Map.of("phone", phone, "way", way, "errors", errors)), 422);
                return;
            }
            String token = self.start(phone, chosen.get(), lang, clientAddress.of(request));
            response.sendRedirect(pagePath(lang, token));
            return;
        }
        secret(response);
        String[] parts = rest.startsWith(PAGE) ? rest.substring(PAGE.length()).split("/") : new String[0];
        if (parts.length != 2) {
            throw new BadRequestException(404, "No such action.");
        }
        String token = parts[0];
        switch (parts[1]) {
            case "code" -> {
                SelfService.CodeResult result = self.confirmCode(token, param(request, "code"));
                if (result == SelfService.CodeResult.WRONG) {
                    page(request, response, token, Map.of("codeError", "rights.code.wrong"), 422);
                    return;
                }
                response.sendRedirect(pagePath(lang, token));
            }
            case "suspend" -> {
                UUID device = uuid(param(request, "device"));
                if (!"yes".equals(param(request, "confirm"))) {
                    throw new BadRequestException(400, "Please confirm on the confirmation page.");
                }
                SelfService.Change change = self.suspend(token, device);
                answer(response, lang, token, change, "suspended");
            }
            case "email" -> {
                String email = param(request, "email");
                String target = param(request, "target");
                if (!SelfService.validEmail(email)) {
                    page(request, response, token, Map.of("emailError", "rights.error.email", "emailTarget", target,
                            "emailValue", email), 422);
                    return;
                }
                SelfService.Change change;
                try {
                    change = self.correctEmail(token, target, email);
                } catch (IllegalArgumentException e) {
                    throw new BadRequestException(400, "No such record to correct.");
                }
                answer(response, lang, token, change, "corrected");
            }
            default -> throw new BadRequestException(404, "No such action.");
        }
    }

    private static void answer(HttpServletResponse response, Lang lang, String token, SelfService.Change change,
                               String done) throws IOException {
        if (change == SelfService.Change.NOT_FOUND) {
            throw new BadRequestException(404, "Not among the records of this number.");
        }
        response.sendRedirect(pagePath(lang, token) + (change == SelfService.Change.DONE ? "?done=" + done : ""));
    }

    /** The proof's waiting page, or the page of one's own data once proven, or "expired". */
    private void page(HttpServletRequest request, HttpServletResponse response, String token,
                      Map<String, Object> extra, int code) throws IOException {
        Lang lang = Lang.of(request);
        Map<String, Object> model = new HashMap<>(extra);
        model.put("token", token);
        model.put("times", new PageTimes(lang));
        Optional<RightsViews.Holdings> holdings = self.holdings(token, "viewed");
        if (holdings.isPresent()) {
            model.put("holdings", holdings.get());
            String done = request.getParameter("done");
            if (done != null && done.matches("suspended|corrected")) {
                model.put("done", "rights.done." + done);
            }
            response.setStatus(code);
            view.render(request, response, "rights/page", model);
            return;
        }
        Optional<RightsViews.Proof> proof = self.proofOf(token);
        if (proof.isEmpty()) {
            response.setStatus(404);
            view.render(request, response, "rights/unknown", model);
            return;
        }
        model.put("proof", proof.get());
        model.put("refreshSeconds", REFRESH_SECONDS);
        response.setStatus(code);
        view.render(request, response, "rights/proof", model);
    }

    private void confirmSuspension(HttpServletRequest request, HttpServletResponse response, String token)
            throws IOException {
        UUID device = uuid(param(request, "device"));
        RightsViews.Holdings holdings = self.holdings(token, "suspension confirmation")
                .orElseThrow(() -> new BadRequestException(404, "This page has expired. Please prove your number again."));
        RightsViews.Device chosen = holdings.devices().stream().filter(d -> d.id().equals(device)).findFirst()
                .orElseThrow(() -> new BadRequestException(404, "Not among the devices of this number."));
        view.render(request, response, "rights/suspend", Map.of("token", token, "device", chosen,
                "times", new PageTimes(Lang.of(request))));
    }

    /** The same as the page, as a file: values in the page's language, times in ISO 8601 (UTC) and KST. */
    private void download(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        Lang lang = Lang.of(request);
        RightsViews.Holdings h = self.holdings(token, "downloaded as JSON")
                .orElseThrow(() -> new BadRequestException(404, "This page has expired. Please prove your number again."));
        Locale locale = lang.locale();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("about", Messages.resolve(locale, "rights.json.about"));
        root.put("provenAt", time(h.provenAt(), lang));
        root.put("devices", h.devices().stream().map(d -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("device", Messages.resolve(locale, "rights.device.name", d.position()));
            m.put("platform", Messages.resolve(locale, d.platformKey()));
            m.put("appVersion", d.appVersion());
            m.put("state", Messages.resolve(locale, d.stateKey()));
            m.put("registeredAt", time(d.registeredAt(), lang));
            m.put("lastCheckInAt", time(d.lastCheckInAt(), lang));
            m.put("pushChannel", Messages.resolve(locale, d.pushKey()));
            m.put("pendingCommands", d.pending().stream().map(c -> Map.of(
                    "command", Messages.resolve(locale, c.kindKey()),
                    "state", Messages.resolve(locale, c.stateKey()),
                    "queuedAt", time(c.queuedAt(), lang),
                    "expiresAt", time(c.expiresAt(), lang))).toList());
            return m;
        }).toList());
        root.put("openRequestsAndComplaints", h.cases().stream().map(c -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("reference", c.reference());
            m.put("what", Messages.resolve(locale, c.kindKey()));
            m.put("state", Messages.resolve(locale, c.stateKey()));
            m.put("receivedAt", time(c.receivedAt(), lang));
            m.put("dueAt", time(c.dueAt(), lang));
            m.put("email", c.email());
            return m;
        }).toList());
        root.put("notListed", List.of(Messages.resolve(locale, "rights.access.completed-destruction"),
                Messages.resolve(locale, "rights.access.on-phone")));
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"smart-callback-my-data.json\"");
        JSON.writeValue(response.getOutputStream(), root);
    }

    private static Map<String, String> time(Instant at, Lang lang) {
        if (at == null) {
            return null;
        }
        return Map.of("utc", at.toString(), "kst", Dates.dateTime(at, lang));
    }

    private void status(HttpServletRequest request, HttpServletResponse response, String token) throws IOException {
        Optional<RightsViews.Detail> detail = recorded.status(token);
        if (detail.isEmpty()) {
            response.setStatus(404);
            view.render(request, response, "rights/unknown", Map.of());
            return;
        }
        Map<String, Object> model = new HashMap<>(Map.of("detail", detail.get(), "times", new PageTimes(Lang.of(request))));
        if (detail.get().objectable()) {
            model.put("remedy", remedies.remedy(detail.get().grounds().orElse(null), Lang.of(request)));
        }
        view.render(request, response, "rights/status", model);
    }

    private void form(HttpServletRequest request, HttpServletResponse response, Map<String, Object> model, int status)
            throws IOException {
        model.putIfAbsent("errors", Map.of());
        model.putIfAbsent("phone", "");
        model.putIfAbsent("way", "device");
        response.setStatus(status);
        view.render(request, response, "rights/form", model);
    }

    /** The address holds the secret: never cache the page, never send it on as a Referer. */
    private static void secret(HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
    }

    static String pagePath(Lang lang, String token) {
        return "/" + lang.code() + "/rights" + PAGE + token;
    }

    private static UUID uuid(String text) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(404, "Not among the devices of this number.");
        }
    }

    private static String param(HttpServletRequest request, String name) {
        return Optional.ofNullable(request.getParameter(name)).orElse("");
    }

    private static String rest(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null ? "" : path;
    }
}
