package kr.jsoft.privacyportal.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The packaged portal copies out exactly the tag library descriptors its pages need, and no others. */
class WebAppFilesTest {
    private static final Pattern TAGLIB_URI = Pattern.compile("<%@\\s*taglib\\s[^%]*uri=\"([^\"]+)\"");
    private static final Pattern TLD_URI = Pattern.compile("<uri>\\s*([^<\\s]+)\\s*</uri>");

    @Test
    void everyTagLibraryThePagesDeclareIsCopiedOutOfTheJar() throws IOException {
        Set<String> declared = new TreeSet<>();
        try (Stream<Path> files = Files.walk(Path.of("src/main/webapp"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsp") || f.toString().endsWith(".jspf")).toList()) {
                Matcher taglib = TAGLIB_URI.matcher(Files.readString(file));
                while (taglib.find()) {
                    declared.add(taglib.group(1));
                }
            }
        }
        Set<String> copied = new TreeSet<>();
        for (String descriptor : WebAppFiles.TAG_LIBRARIES) {
            copied.add(uriOf(descriptor));
        }

        assertThat(declared).isNotEmpty();
        assertThat(copied).as("a page's tag library must be copied, or Jasper cannot resolve it from the jar; "
                + "an unused one is parsed at every start for nothing").isEqualTo(declared);
    }

    /** The {@code <uri>} a descriptor on the class path (JSTL's jar) declares. */
    private static String uriOf(String descriptor) throws IOException {
        try (InputStream in = WebAppFilesTest.class.getClassLoader().getResourceAsStream(descriptor)) {
            assertThat(in).as(descriptor + " on the class path").isNotNull();
            Matcher uri = TLD_URI.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            assertThat(uri.find()).as("<uri> in " + descriptor).isTrue();
            return uri.group(1);
        }
    }
}
