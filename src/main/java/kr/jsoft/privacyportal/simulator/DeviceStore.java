package kr.jsoft.privacyportal.simulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * The app's local data on the simulated device: sample contacts ({@code contacts.json}) and
 * business-card images ({@code cards/*.png}) in a folder. Invented sample data only.
 */
public final class DeviceStore {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path dir;

    public DeviceStore(Path dir) {
        this.dir = dir;
    }

    /** Writes {@code contacts} sample contacts and {@code cards} small card images. */
    public DeviceStore seed(int contacts, int cards) {
        try {
            Files.createDirectories(dir.resolve("cards"));
            ArrayNode list = JSON.createArrayNode();
            for (int i = 1; i <= contacts; i++) {
                list.addObject().put("name", "Sample Contact " + i).put("phone", String.format("010-0000-%04d", i))
                        .put("company", "Example Co. " + i);
            }
            Files.writeString(dir.resolve("contacts.json"), list.toPrettyString());
            for (int i = 1; i <= cards; i++) {
                BufferedImage image = new BufferedImage(90, 50, BufferedImage.TYPE_INT_RGB);
                Graphics2D g = image.createGraphics();
                g.setColor(new Color(40 * i % 255, 120, 200));
                g.fillRect(0, 0, 90, 50);
                g.dispose();
                ImageIO.write(image, "png", dir.resolve("cards").resolve("card-" + i + ".png").toFile());
            }
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Path dir() {
        return dir;
    }

    /** What is stored now, by kind: {@code contacts}, {@code cardImages}. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        counts.put("contacts", contacts());
        counts.put("cardImages", cardImages().size() + 0L);
        return counts;
    }

    /** Deletes the app's data; returns how much of each kind was deleted. */
    public Map<String, Long> wipe() {
        Map<String, Long> deleted = counts();
        try {
            for (Path card : cardImages()) {
                Files.delete(card);
            }
            Files.deleteIfExists(dir.resolve("contacts.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return deleted;
    }

    private long contacts() {
        Path file = dir.resolve("contacts.json");
        try {
            return Files.exists(file) ? JSON.readTree(file.toFile()).size() : 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> cardImages() {
        Path cards = dir.resolve("cards");
        if (!Files.isDirectory(cards)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(cards)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".png")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
