package kr.jsoft.privacyportal.breach;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import kr.jsoft.privacyportal.web.BadRequestException;
import kr.jsoft.privacyportal.web.Lang;
import kr.jsoft.privacyportal.web.View;

/**
 * {@code /{lang}/breach-notices/<id>}: the breach notice as it was sent, where the device message and the
 * mails link to (the device shows a summary; the command's text is limited). Not found until it is sent.
 */
final class BreachNoticeServlet extends HttpServlet {
    private final BreachDesk desk;
    private final View view;

    BreachNoticeServlet(BreachDesk desk, View view) {
        this.desk = desk;
        this.view = view;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getRequestURI();
        Lang lang = Lang.parse(path.substring(1, 3)).orElseThrow();
        UUID id;
        try {
            id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException(404, "No such notice.");
        }
        BreachDesk.SentNotice notice = desk.sentNotice(id, lang)
                .orElseThrow(() -> new BadRequestException(404, "No such notice."));
        view.render(request, response, "breach/public", Map.of("notice", notice, "times", new BreachTimes(lang)));
    }
}
