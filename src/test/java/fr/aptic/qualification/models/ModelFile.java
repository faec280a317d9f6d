package fr.aptic.qualification.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** A model file found under the models root: where it is, how messages name it, and its id-to-be (its base name). */
record ModelFile(Path path, String name, String baseName) {

    /** Every file ending in {@code extension} below {@code root/folder}, sorted; none when the folder is missing. */
    static List<ModelFile> list(Path root, String folder, String extension) {
        Path directory = root.resolve(folder);
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            return paths.filter(Files::isRegularFile)
                    .filter(path -> path.getFileName().toString().endsWith(extension))
                    .sorted()
                    .map(path -> of(root, path, extension))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot list " + directory, e);
        }
    }

    private static ModelFile of(Path root, Path path, String extension) {
        String name = root.relativize(path).toString().replace('\\', '/');
        String fileName = path.getFileName().toString();
        return new ModelFile(path, name, fileName.substring(0, fileName.length() - extension.length()));
    }
}
