package bench;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.jetty.ee11.servlet.ServletContextHandler;
import org.eclipse.jetty.server.Server;

/** A bare embedded Jetty: one servlet answering "hello" on PORT (default 8080). */
public final class Main {
    public static void main(String[] args) throws Exception {
        Server server = new Server(Integer.parseInt(System.getenv().getOrDefault("PORT", "8080")));
        ServletContextHandler context = new ServletContextHandler("/");
        context.addServlet(new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
                response.setContentType("text/plain");
                response.getWriter().write("hello\n");
            }
        }, "/hello");
        server.setHandler(context);
        server.start();
        server.join();
    }
}
