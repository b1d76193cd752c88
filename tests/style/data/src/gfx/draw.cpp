// A file where OpenGL belongs: gl_outside_gfx.sh lets it pass.
void draw() { glDrawArrays(GL_TRIANGLES, 0, 3); }
