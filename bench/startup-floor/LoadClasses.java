import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Loads, in the order given, every class named in a file (one per line) through the application
 * class loader, optionally running their static initialisers, and does nothing else. Started with
 * the portal's jar on the class path, it is what a start costs before any of the portal's own work:
 * the floor under {@code bench/startup.sh}'s portal figure.
 *
 * <p>Usage: {@code java -cp privacy-portal.jar:<dir> LoadClasses <class list> load|init}
 */
public final class LoadClasses {
    public static void main(String[] args) throws Exception {
        List<String> names = Files.readAllLines(Path.of(args[0]));
        boolean initialise = args[1].equals("init");
        ClassLoader loader = LoadClasses.class.getClassLoader();
        int failed = 0;
        for (String name : names) {
            try {
                Class.forName(name, initialise, loader);
            } catch (Throwable e) {
                failed++; // e.g. an initialiser that needs what the portal sets up first
            }
        }
        System.out.printf("%d classes, %d failed%n", names.size(), failed);
    }
}
