#include "platform/glfw_platform.h"

#include "platform/atlas_pixels.h"
#include "platform/png_file.h"

#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>
#include <imgui.h>

#define GLFW_INCLUDE_GLEXT
#include <GLFW/glfw3.h>

#include <dlfcn.h>
#include <link.h>

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cf::platform {

namespace {

// GLFW is process-global: one window (and one set of ImGui backends) at a time.
std::atomic<bool> g_instance_open{false};

std::string glfw_error() {
    const char* description = nullptr;
    glfwGetError(&description);
    return description != nullptr ? description : "no details from GLFW";
}

bool env_set(const char* name) {
    const char* value = std::getenv(name);
    return value != nullptr && *value != '\0';
}

// Mesa unloads its driver when the window's display connection closes, while the driver (and
// the LLVM it uses) still hold caches they only drop at process exit. LeakSanitizer then sees
// those caches unreferenced and fails every test that drew something. Marking the loaded
// drivers "never unload" keeps them reachable; a kiosk keeps its one window until exit anyway.
void keep_gl_drivers_loaded() {
    dl_iterate_phdr(
        [](dl_phdr_info* info, std::size_t, void*) -> int {
            const std::string_view name = info->dlpi_name != nullptr ? info->dlpi_name : "";
            if (name.ends_with("_dri.so")) {
                // RTLD_NOLOAD only changes the flags of a library that is already loaded; the
                // extra reference is never released, on purpose.
                (void)dlopen(info->dlpi_name, RTLD_NOW | RTLD_NOLOAD | RTLD_NODELETE);
            }
            return 0;
        },
        nullptr);
}

std::string hex(unsigned value) {
    char text[16];
    std::snprintf(text, sizeof text, "0x%04X", value);
    return text;
}

} // namespace

GlfwPlatform::GlfwPlatform(WindowOptions options) : m_options(std::move(options)) {}

Result<std::unique_ptr<GlfwPlatform>> GlfwPlatform::create(const WindowOptions& options) {
    if (!env_set("DISPLAY") && !env_set("WAYLAND_DISPLAY")) {
        return fail(ErrorCode::no_display, "no display: run under xvfb-run or set DISPLAY");
    }
    bool expected = false;
    if (!g_instance_open.compare_exchange_strong(expected, true)) {
        return fail(ErrorCode::already_open, "a window is already open in this process");
    }
    std::unique_ptr<GlfwPlatform> platform(new GlfwPlatform(options));
    platform->m_owns_instance = true;
    if (auto opened = platform->open(); !opened) {
        return std::unexpected(opened.error());
    }
    return platform;
}

Result<void> GlfwPlatform::open() {
    if (glfwInit() != GLFW_TRUE) {
        return fail(ErrorCode::no_display,
                    "no display: run under xvfb-run or set DISPLAY (GLFW: " + glfw_error() + ")");
    }
    m_glfw_initialized = true;

    glfwDefaultWindowHints();
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    if (m_options.fullscreen) {
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        const GLFWvidmode* mode = monitor != nullptr ? glfwGetVideoMode(monitor) : nullptr;
        if (mode == nullptr) {
            return fail(ErrorCode::no_display,
                        "no monitor to show a fullscreen window on (GLFW: " + glfw_error() + ")");
        }
        // Matching the current mode avoids a mode switch on kiosks.
        glfwWindowHint(GLFW_RED_BITS, mode->redBits);
        glfwWindowHint(GLFW_GREEN_BITS, mode->greenBits);
        glfwWindowHint(GLFW_BLUE_BITS, mode->blueBits);
        glfwWindowHint(GLFW_REFRESH_RATE, mode->refreshRate);
        m_window =
            glfwCreateWindow(mode->width, mode->height, m_options.title.c_str(), monitor, nullptr);
    } else {
        m_window = glfwCreateWindow(m_options.width, m_options.height, m_options.title.c_str(),
                                    nullptr, nullptr);
    }
    if (m_window == nullptr) {
        return fail(ErrorCode::no_opengl,
                    "cannot open a window with OpenGL 3.3 core (GLFW: " + glfw_error() + ")");
    }
    glfwMakeContextCurrent(m_window);
    keep_gl_drivers_loaded();
    glfwSwapInterval(m_options.vsync ? 1 : 0);
    glfwSetWindowUserPointer(m_window, this);

    // Ours first: ImGui's GLFW backend keeps the callbacks it finds and calls them after its own.
    install_callbacks();
    m_imgui_glfw = ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    m_imgui_gl = m_imgui_glfw && ImGui_ImplOpenGL3_Init("#version 330");
    if (!m_imgui_gl) {
        return fail(ErrorCode::no_opengl, "ImGui's OpenGL 3 renderer could not start");
    }

    // ImGui_ImplOpenGL3_CreateDeviceObjects() (otherwise run by the first NewFrame) also calls
    // GetTexDataAsRGBA32 on io.Fonts: that would build the app's atlas with whatever it holds
    // and keep an RGBA copy plus an RGBA texture. Run it against a stand-in atlas whose 1x1
    // RGBA pixels already exist, then delete that texture: the backend's NewFrame only creates
    // device objects while it has no shader, so it never makes a font texture afterwards.
    ImGuiIO& io = ImGui::GetIO();
    ImFontAtlas stand_in;
    stand_in.TexPixelsRGBA32 = static_cast<unsigned int*>(IM_ALLOC(sizeof(unsigned int)));
    *stand_in.TexPixelsRGBA32 = 0xFFFFFFFFu;
    stand_in.TexWidth = 1;
    stand_in.TexHeight = 1;
    ImFontAtlas* app_atlas = io.Fonts;
    io.Fonts = &stand_in;
    const bool created = ImGui_ImplOpenGL3_CreateDeviceObjects();
    ImGui_ImplOpenGL3_DestroyFontsTexture();
    io.Fonts = app_atlas;
    if (!created) {
        return fail(ErrorCode::no_opengl, "ImGui's OpenGL 3 shaders could not be built");
    }

    if (m_options.hide_cursor) {
        glfwSetInputMode(m_window, GLFW_CURSOR, GLFW_CURSOR_HIDDEN);
        // Otherwise the backend shows the cursor again whenever ImGui picks a cursor shape.
        io.ConfigFlags |= ImGuiConfigFlags_NoMouseCursorChange;
    }
    return {};
}

void GlfwPlatform::install_callbacks() {
    // Every event that can change what is on screen counts as input: the pacer then renders
    // the frames ImGui needs to settle. Motion counts too, for hover highlights.
    glfwSetKeyCallback(m_window, [](GLFWwindow* w, int, int, int, int) { on_input(w); });
    glfwSetCharCallback(m_window, [](GLFWwindow* w, unsigned int) { on_input(w); });
    glfwSetMouseButtonCallback(m_window, [](GLFWwindow* w, int, int, int) { on_input(w); });
    glfwSetScrollCallback(m_window, [](GLFWwindow* w, double, double) { on_input(w); });
    glfwSetCursorPosCallback(m_window, [](GLFWwindow* w, double, double) { on_input(w); });
    glfwSetCursorEnterCallback(m_window, [](GLFWwindow* w, int) { on_input(w); });
    glfwSetWindowFocusCallback(m_window, [](GLFWwindow* w, int) { on_input(w); });
    glfwSetWindowSizeCallback(m_window, [](GLFWwindow* w, int, int) { on_input(w); });
    glfwSetFramebufferSizeCallback(m_window, [](GLFWwindow* w, int, int) { on_input(w); });
    glfwSetWindowRefreshCallback(m_window, [](GLFWwindow* w) { on_input(w); });
    glfwSetWindowIconifyCallback(m_window, [](GLFWwindow* w, int) { on_input(w); });
    glfwSetWindowCloseCallback(m_window, [](GLFWwindow* w) { on_close(w); });
}

void GlfwPlatform::on_input(GLFWwindow* window) {
    auto* self = static_cast<GlfwPlatform*>(glfwGetWindowUserPointer(window));
    ++self->m_input_events;
}

void GlfwPlatform::on_close(GLFWwindow* window) {
    auto* self = static_cast<GlfwPlatform*>(glfwGetWindowUserPointer(window));
    ++self->m_input_events;
    if (self->m_options.block_close) {
        glfwSetWindowShouldClose(window, GLFW_FALSE);
        self->m_close_requested = true;
        if (self->m_options.on_close_request) {
            self->m_options.on_close_request();
        }
    }
}

GlfwPlatform::~GlfwPlatform() {
    if (m_font_texture != 0) {
        glDeleteTextures(1, &m_font_texture);
    }
    if (m_imgui_gl) {
        ImGui_ImplOpenGL3_Shutdown();
    }
    if (m_imgui_glfw) {
        ImGui_ImplGlfw_Shutdown();
    }
    if (m_window != nullptr) {
        glfwDestroyWindow(m_window);
    }
    if (m_glfw_initialized) {
        glfwTerminate();
    }
    if (m_owns_instance) {
        g_instance_open.store(false);
    }
}

void GlfwPlatform::begin_frame() {
    ImGuiIO& io = ImGui::GetIO();
    if (io.Fonts->TexID == nullptr) {
        [[maybe_unused]] auto uploaded = upload_font_atlas(*io.Fonts);
        IM_ASSERT(uploaded && "io.Fonts has no texture and cannot be uploaded");
    }
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGui::NewFrame();
    m_in_frame = true;
}

void GlfwPlatform::render_draw_data() {
    const FrameSize size = framebuffer_size();
    glViewport(0, 0, size.width, size.height);
    const auto& c = m_options.clear_color;
    glClearColor(c[0], c[1], c[2], c[3]);
    glClear(GL_COLOR_BUFFER_BIT);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

void GlfwPlatform::end_frame() {
    ImGui::Render();
    m_in_frame = false;
    render_draw_data();
    glfwSwapBuffers(m_window);
    m_frame_rendered = true;
}

Wake GlfwPlatform::wait_for_input(std::optional<double> timeout_s) {
    const std::uint64_t before = m_input_events;
    if (!timeout_s) {
        glfwWaitEvents();
    } else if (*timeout_s <= 0) {
        glfwPollEvents();
    } else {
        glfwWaitEventsTimeout(*timeout_s);
    }
    if (m_input_events != before) {
        // The frames rendered for the input drain whatever a worker has queued as well.
        m_woken.store(false);
        return Wake::input;
    }
    if (m_woken.exchange(false)) {
        return Wake::woken;
    }
    return Wake::timeout;
}

void GlfwPlatform::wake() {
    // The flag first: the wait returns as soon as the empty event arrives and then reads it.
    m_woken.store(true);
    glfwPostEmptyEvent();
}

bool GlfwPlatform::should_close() const {
    return m_should_close || glfwWindowShouldClose(m_window) == GLFW_TRUE;
}

void GlfwPlatform::close() {
    m_should_close = true;
}

bool GlfwPlatform::take_close_request() {
    return std::exchange(m_close_requested, false);
}

FrameSize GlfwPlatform::framebuffer_size() const {
    FrameSize size;
    glfwGetFramebufferSize(m_window, &size.width, &size.height);
    return size;
}

Result<void> GlfwPlatform::upload_font_atlas(ImFontAtlas& atlas) {
    auto image = atlas_alpha8(atlas);
    if (!image) {
        return std::unexpected(image.error());
    }
    GLint max_size = 0;
    glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_size);
    if (image->width > max_size || image->height > max_size) {
        return fail(ErrorCode::texture,
                    "the font atlas is " + std::to_string(image->width) + "x" +
                        std::to_string(image->height) + " pixels but this GPU allows at most " +
                        std::to_string(max_size) + "x" + std::to_string(max_size));
    }

    GLint last_texture = 0;
    GLint last_alignment = 0;
    glGetIntegerv(GL_TEXTURE_BINDING_2D, &last_texture);
    glGetIntegerv(GL_UNPACK_ALIGNMENT, &last_alignment);
    while (glGetError() != GL_NO_ERROR) {
        // Errors left by earlier calls must not be blamed on this upload.
    }
    GLuint texture = 0;
    glGenTextures(1, &texture);
    glBindTexture(GL_TEXTURE_2D, texture);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_LINEAR);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
    // One coverage byte per pixel, read by the shader as white with that alpha.
    const GLint swizzle[] = {GL_ONE, GL_ONE, GL_ONE, GL_RED};
    glTexParameteriv(GL_TEXTURE_2D, GL_TEXTURE_SWIZZLE_RGBA, swizzle);
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glPixelStorei(GL_UNPACK_ROW_LENGTH, 0);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R8, image->width, image->height, 0, GL_RED, GL_UNSIGNED_BYTE,
                 image->pixels);
    const GLenum error = glGetError();
    glPixelStorei(GL_UNPACK_ALIGNMENT, last_alignment);
    glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(last_texture));
    if (error != GL_NO_ERROR) {
        glDeleteTextures(1, &texture);
        return fail(ErrorCode::texture, "cannot make the " + std::to_string(image->width) + "x" +
                                            std::to_string(image->height) +
                                            " font texture (OpenGL error " + hex(error) + ")");
    }
    if (m_font_texture != 0) {
        glDeleteTextures(1, &m_font_texture);
    }
    m_font_texture = texture;
    atlas.SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::intptr_t>(texture)));
    // The driver has its own copy now; the atlas's one would only cost memory.
    atlas.ClearTexData();
    return {};
}

Result<void> GlfwPlatform::capture_png(const std::filesystem::path& path) {
    if (!m_frame_rendered || m_in_frame || ImGui::GetDrawData() == nullptr) {
        return fail(ErrorCode::no_frame, "no finished frame to write to " + path.string() + " yet");
    }
    render_draw_data();
    const FrameSize size = framebuffer_size();
    std::vector<std::uint8_t> pixels(static_cast<std::size_t>(size.width) *
                                     static_cast<std::size_t>(size.height) * 3);
    GLint last_alignment = 0;
    glGetIntegerv(GL_PACK_ALIGNMENT, &last_alignment);
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    glReadBuffer(GL_BACK);
    glReadPixels(0, 0, size.width, size.height, GL_RGB, GL_UNSIGNED_BYTE, pixels.data());
    glPixelStorei(GL_PACK_ALIGNMENT, last_alignment);
    return write_png_bottom_up(path, size.width, size.height, 3, pixels);
}

} // namespace cf::platform
