// A file where OpenGL does not belong: gl_outside_gfx.sh must name this line (a glTF mention is no call).
void panel() { glClear(GL_COLOR_BUFFER_BIT); }
