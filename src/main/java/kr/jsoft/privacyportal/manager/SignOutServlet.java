package kr.jsoft.privacyportal.manager;

import kr.jsoft.privacyportal.staff.Staff;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;

/** {@code POST /manager/sign-out}: audited, then the whole session is invalidated. */
final class SignOutServlet extends HttpServlet {
    private final SignInService signIn;

    SignOutServlet(SignInService signIn) {
        this.signIn = signIn;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.sendRedirect("/manager");
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        signIn.record(Staff.event(request, "staff.sign-out").target(AccountService.TARGET, Staff.current(request).accountId()));
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        response.sendRedirect("/manager/sign-in?signed-out");
    }
}
