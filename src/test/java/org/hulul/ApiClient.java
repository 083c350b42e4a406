package org.hulul;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small real-HTTP client for API tests: JSON in, status and JSON out.
 */
public final class ApiClient {

	private final HttpClient http = HttpClient.newHttpClient();

	private final JsonMapper json = JsonMapper.builder().build();

	private final String base;

	public ApiClient(int port) {
		this.base = "http://localhost:" + port;
	}

	public Response get(String path, @Nullable String token) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).GET(), token);
	}

	public Response get(String path, @Nullable String token, String language) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).header("Accept-Language", language).GET(),
				token);
	}

	public Response post(String path, @Nullable String token, Object body) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body))), token);
	}

	public Response put(String path, @Nullable String token, Object body) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.PUT(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body))), token);
	}

	public Response patch(String path, @Nullable String token, Object body) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.method("PATCH", HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body))), token);
	}

	public Response putIfMatch(String path, @Nullable String token, String version, Object body) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "application/json")
			.header("If-Match", "\"" + version + "\"")
			.PUT(HttpRequest.BodyPublishers.ofString(this.json.writeValueAsString(body))), token);
	}

	public Response delete(String path, @Nullable String token) {
		return send(HttpRequest.newBuilder(URI.create(this.base + path)).DELETE(), token);
	}

	/** Signs in over the API and returns the bearer token. */
	public String token(String username, String password) {
		Response response = post("/api/v1/auth/token", null,
				java.util.Map.of("username", username, "password", password));
		if (response.status() != 200) {
			throw new IllegalStateException("sign-in of " + username + " failed: " + response);
		}
		return response.body().get("token").asString();
	}

	/** Posts a file as multipart/form-data, with the other form fields. */
	public Response upload(String path, @Nullable String token, java.util.Map<String, String> fields, String filename,
			byte[] content) {
		String boundary = "hulul-" + java.util.UUID.randomUUID();
		java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
		java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
		fields.forEach((name, value) -> body.writeBytes(
				("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
					.getBytes(utf8)));
		body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
				+ "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
			.getBytes(utf8));
		body.writeBytes(content);
		body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(utf8));
		return send(HttpRequest.newBuilder(URI.create(this.base + path))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())), token);
	}

	/** The bytes of a download; fails unless it is 200. */
	public byte[] download(String path, @Nullable String token) {
		return downloadAs(path, token, "*/*");
	}

	/** The bytes of a download asked for as {@code accept}; fails unless it is 200. */
	public byte[] downloadAs(String path, @Nullable String token, String accept) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.base + path))
			.GET()
			.header("Accept", accept);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<byte[]> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				throw new IllegalStateException(path + " answered " + response.statusCode());
			}
			return response.body();
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private Response send(HttpRequest.Builder request, @Nullable String token) {
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			HttpResponse<String> response = this.http.send(request.build(), HttpResponse.BodyHandlers.ofString());
			JsonNode body = response.body().isBlank() ? this.json.missingNode() : this.json.readTree(response.body());
			return new Response(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""), body);
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	/** Status, content type and parsed body of a response. */
	public record Response(int status, String contentType, JsonNode body) {
	}

}
