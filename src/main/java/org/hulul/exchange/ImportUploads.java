package org.hulul.exchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

/**
 * Uploaded files kept between the preview of an import and its commit, so the person does
 * not send the file twice: a temporary file per upload, named by a random token and the
 * user it belongs to; kept one hour.
 */
@Component
class ImportUploads {

	private static final Duration KEPT = Duration.ofHours(1);

	private static final Pattern TOKEN = Pattern.compile("[0-9a-f-]{36}");

	private final Path directory;

	ImportUploads() throws IOException {
		this.directory = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "hulul-imports"));
	}

	/** Keeps an upload; returns its token. */
	String keep(String username, String filename, InputStream content) throws IOException {
		forgetOld();
		String token = UUID.randomUUID().toString();
		Path dir = Files.createDirectories(this.directory.resolve(safe(username)).resolve(token));
		Files.copy(content, dir.resolve(filename.toLowerCase().endsWith(".xlsx") ? "upload.xlsx" : "upload.csv"),
				StandardCopyOption.REPLACE_EXISTING);
		return token;
	}

	/** The file of a token, if it is the user's and still kept. */
	Optional<Path> find(String username, String token) throws IOException {
		if (!TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		Path dir = this.directory.resolve(safe(username)).resolve(token);
		if (!Files.isDirectory(dir)) {
			return Optional.empty();
		}
		try (var files = Files.list(dir)) {
			return files.findFirst();
		}
	}

	void forget(Path file) throws IOException {
		Files.deleteIfExists(file);
		Files.deleteIfExists(file.getParent());
	}

	/**
	 * Deletes uploads older than an hour; one that cannot be deleted now is left for
	 * later.
	 */
	private void forgetOld() {
		Instant before = Instant.now().minus(KEPT);
		try (var users = Files.list(this.directory)) {
			for (Path user : users.toList()) {
				try (var uploads = Files.list(user)) {
					for (Path upload : uploads.toList()) {
						if (Files.getLastModifiedTime(upload).toInstant().isBefore(before)) {
							try (var files = Files.list(upload)) {
								for (Path file : files.toList()) {
									Files.deleteIfExists(file);
								}
							}
							Files.deleteIfExists(upload);
						}
					}
				}
				catch (IOException ex) {
					// another request is cleaning up the same folder
				}
			}
		}
		catch (IOException ex) {
			// the temporary folder is gone or unreadable: nothing to clean
		}
	}

	private static String safe(String username) {
		return username.replaceAll("[^a-z0-9._-]", "_");
	}

}
